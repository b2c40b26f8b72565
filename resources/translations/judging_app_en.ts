<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CategoriesModel</name>
    <message numerus="yes">
        <source>%Ln entries are in this category; its code cannot change.</source>
        <translation>
            <numerusform>%Ln entry is in this category; its code cannot change.</numerusform>
            <numerusform>%Ln entries are in this category; its code cannot change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntriesView</name>
    <message numerus="yes">
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entry(s)</source>
        <translation>
            <numerusform>%1 of %Ln entry</numerusform>
            <numerusform>%1 of %Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>Create these %n new unit(s)</source>
        <translation>
            <numerusform>Create the %n new unit</numerusform>
            <numerusform>Create these %n new units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln competition(s)</source>
        <translation>
            <numerusform>%Ln competition</numerusform>
            <numerusform>%Ln competitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundsEditor</name>
    <message numerus="yes">
        <source>Judges have submitted %Ln sheets in this round. To change its rubric, reopen it: submitted sheets go back to draft and judges must submit again.</source>
        <translation>
            <numerusform>Judges have submitted %Ln sheet in this round. To change its rubric, reopen it: submitted sheets go back to draft and judges must submit again.</numerusform>
            <numerusform>Judges have submitted %Ln sheets in this round. To change its rubric, reopen it: submitted sheets go back to draft and judges must submit again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message numerus="yes">
        <source>%Ln problem(s) to fix before saving:</source>
        <translation>
            <numerusform>%Ln problem to fix before saving:</numerusform>
            <numerusform>%Ln problems to fix before saving:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The rubric is open again: %Ln submitted sheet(s) went back to draft.</source>
        <translation>
            <numerusform>The rubric is open again: %Ln submitted sheet went back to draft.</numerusform>
            <numerusform>The rubric is open again: %Ln submitted sheets went back to draft.</numerusform>
        </translation>
    </message>
</context>
</TS>
