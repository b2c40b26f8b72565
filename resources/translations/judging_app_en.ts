<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
