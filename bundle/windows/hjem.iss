; Inno Setup script: hjem's Windows installer, from the one-folder app that
; `python -m bundle.build` made in dist\hjem (run on Windows). From the checkout's top:
;   iscc /DAppVersion=0.1.0 bundle\windows\hjem.iss
; makes dist\hjem-0.1.0-windows-setup.exe (.github/workflows/bundle.yml does both steps).
;
; It installs for the volunteer alone (no administrator needed on their own laptop), adds hjem
; to the Start menu, and its uninstaller removes the program only: the encrypted workspace in
; %LOCALAPPDATA%\RodeKors\hjem stays, and the uninstaller says where it is.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=0.1.0 bundle\windows\hjem.iss
#endif

[Setup]
AppId={{5B0F3F8E-6E2B-4C53-9C9A-1D7A2C3E4F10}
AppName=hjem
AppVersion={#AppVersion}
AppVerName=hjem {#AppVersion}
AppPublisher=Røde Kors – Fra Bolig til Hjem
DefaultDirName={autopf}\hjem
DefaultGroupName=hjem
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=hjem-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\bundle-extra\hjem.ico
UninstallDisplayIcon={app}\hjem.exe
UninstallDisplayName=hjem {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "da"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\hjem\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\hjem"; Filename: "{app}\hjem.exe"
Name: "{autodesktop}\hjem"; Filename: "{app}\hjem.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\hjem.exe"; Description: "{cm:LaunchProgram,hjem}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
da.WorkspaceKept=hjem er fjernet. Dit arbejdsområde (sager, lager og planer, krypteret) er ikke slettet; det ligger i:%n%n%1%n%nInstallerer du hjem igen, åbner det arbejdsområdet igen. Skal det slettes, så slet mappen selv.
en.WorkspaceKept=hjem has been removed. Your workspace (cases, inventory and plans, encrypted) was not deleted; it is in:%n%n%1%n%nInstall hjem again and it opens that workspace again. To delete it, delete the folder yourself.

[Code]
// platformdirs' user_data_dir("hjem", "RodeKors") on Windows: where hjem keeps the workspace.
function WorkspaceFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\RodeKors\hjem');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(WorkspaceFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('WorkspaceKept'), [WorkspaceFolder()]), mbInformation, MB_OK);
end;
