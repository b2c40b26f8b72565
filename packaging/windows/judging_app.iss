; Inno Setup script: a per-user installer of the Windows bundle (no administrator rights).
;
; Build the bundle first (python tools\build_bundle.py), then compile from the repository's
; root folder:
;   ISCC.exe /DAppVersion=0.2.0 packaging\windows\judging_app.iss
; The installer is written to dist\judging-app-VERSION-setup.exe. The workflow
; .github/workflows/bundle.yml does both on a Windows runner. See docs/bundle.md.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\judging-app"
#endif
#define AppName "Judging App"
#define GuiExe "judging-app-gui.exe"
#define PackageClass "JudgingApp.JudgePackage"

[Setup]
; The AppId identifies the app for upgrades and uninstalling: never change it.
AppId={{9AA7370D-DA1E-45C3-BEBE-5F55960109C4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=judging_app contributors
; Per user: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs, and HKA is HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=judging-app-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "jpkg"; Description: "Open judge packages (.jpkg) with {#AppName}"; GroupDescription: "File types:"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

; Replaced as a whole on upgrade: files of an older version must not linger in _internal.
[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{group}\{#AppName} - judge mode (mode juri)"; Filename: "{app}\{#GuiExe}"; Parameters: "judge"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.jpkg\OpenWithProgids"; ValueType: string; ValueName: "{#PackageClass}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: jpkg
Root: HKA; Subkey: "Software\Classes\{#PackageClass}"; ValueType: string; ValueName: ""; ValueData: "Judge package (paket juri)"; Flags: uninsdeletekey; Tasks: jpkg
Root: HKA; Subkey: "Software\Classes\{#PackageClass}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: jpkg
Root: HKA; Subkey: "Software\Classes\{#PackageClass}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" judge --package ""%1"""; Tasks: jpkg
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".jpkg"; ValueData: ""; Flags: uninsdeletekey; Tasks: jpkg

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
