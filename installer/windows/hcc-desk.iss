; Inno Setup 6 script of HCC Desk for counter PCs (Windows 10/11, x64).
;
; Input: the PyInstaller one-folder build dist\hcc-desk\ (hcc-desk.exe, hcc-desk-cli.exe, _internal\).
; Normally compiled by `py installer\build.py` after its smoke test, which passes
;   ISCC.exe /DAppVersion=<version of hcc_desk> /DSourceDir=<repo>\dist\hcc-desk /O<repo>\dist hcc-desk.iss
; Compiling by hand from this folder works too: "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" hcc-desk.iss
;
; Data: the app keeps each Windows user's profile (database, backups, receipts, logs) in
; %LOCALAPPDATA%\HCC Desk\hcc-desk. Setup never writes there; uninstalling keeps it unless the
; user ticks the box in the question shown by the uninstaller (a silent uninstall always keeps it).
;
; Optional files picked up when present next to this script (not kept in the repository):
;   Vietnamese.isl     Inno Setup's unofficial Vietnamese translation (see README.md); it is also
;                      looked for in Inno Setup's own Languages\ and Languages\Unofficial\ folders.
;                      Without it the installer is English only.
;   vc_redist.x64.exe  Microsoft Visual C++ 2015-2022 x64 runtime, run quietly when missing.
;                      Normally not needed: the build ships vcruntime140*.dll / msvcp140*.dll.
;   SumatraPDF.exe     portable SumatraPDF for silent printing, installed as {app}\SumatraPDF\.
;   hcc-desk.ico       (in installer\windows\, used by the spec too) the program's icon.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\hcc-desk"
#endif
#define AppName "HCC Desk"
#define AppExeName "hcc-desk.exe"
#define AppCliExeName "hcc-desk-cli.exe"
#define AppPublisher "HCC Desk"
; platformdirs.user_data_path("hcc-desk", "HCC Desk") on Windows:
#define DataSubdir "HCC Desk\hcc-desk"

#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl AddBackslash(SourcePath) + "Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Unofficial\Vietnamese.isl"
#endif

[Setup]
; Never change AppId: upgrades find the previous installation through it.
AppId={{6E0B7A52-3C1F-4D8E-9B6A-2F4C1D7E8A90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Program Files needs an administrator; /CURRENTUSER (or the dialog) installs for one user only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=hcc-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running HCC Desk (Restart Manager) before replacing its files.
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
ShowLanguageDialog=auto
UsePreviousLanguage=no
#if FileExists(AddBackslash(SourcePath) + "hcc-desk.ico")
SetupIconFile=hcc-desk.ico
#endif

[Languages]
#ifdef VietnameseIsl
Name: "vietnamese"; MessagesFile: "{#VietnameseIsl}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.RemoveDataTitle=Uninstall {#AppName}
english.RemoveDataInfo=The dossiers, receipts, settings and backups of this counter are kept in:%n%1%n%nThey are kept unless you tick the box below. Make a copy of that folder first if you still need them.
english.RemoveDataBox=Also delete all HCC Desk data of this Windows user
english.RemoveDataFailed=Could not delete everything in %1 (is HCC Desk still open?). Delete the folder by hand.
english.CliShortcut=HCC Desk command line (for support staff)
english.InstallingVCRedist=Installing the Microsoft Visual C++ runtime...
#ifdef VietnameseIsl
vietnamese.RemoveDataTitle=Gỡ cài đặt {#AppName}
vietnamese.RemoveDataInfo=Hồ sơ, phiếu tiếp nhận, cấu hình và bản sao lưu của quầy này được lưu tại:%n%1%n%nDữ liệu sẽ được giữ lại trừ khi bạn đánh dấu ô bên dưới. Hãy sao chép thư mục đó trước nếu còn cần dùng.
vietnamese.RemoveDataBox=Xóa luôn toàn bộ dữ liệu HCC Desk của người dùng Windows này
vietnamese.RemoveDataFailed=Không xóa được hết dữ liệu trong %1 (HCC Desk còn đang mở?). Hãy tự xóa thư mục đó.
vietnamese.CliShortcut=Dòng lệnh HCC Desk (dành cho cán bộ hỗ trợ kỹ thuật)
vietnamese.InstallingVCRedist=Đang cài đặt thư viện Microsoft Visual C++...
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: hcc-desk.exe, hcc-desk-cli.exe and _internal\ (Python, Qt, resources,
; hcc_desk\core\store\migrations\ as source files for Alembic).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#if FileExists(AddBackslash(SourcePath) + "SumatraPDF.exe")
Source: "SumatraPDF.exe"; DestDir: "{app}\SumatraPDF"; Flags: ignoreversion
#endif
#if FileExists(AddBackslash(SourcePath) + "vc_redist.x64.exe")
Source: "vc_redist.x64.exe"; DestDir: "{tmp}"; Flags: deleteafterinstall; Check: VCRedistNeeded
#endif

[InstallDelete]
; An upgrade replaces the bundle as a whole: files of the previous version must not linger in
; _internal (a stale module or Qt plugin could be loaded). The data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{group}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AppCliExeName}"" --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
#if FileExists(AddBackslash(SourcePath) + "vc_redist.x64.exe")
Filename: "{tmp}\vc_redist.x64.exe"; Parameters: "/install /quiet /norestart"; StatusMsg: "{cm:InstallingVCRedist}"; Check: VCRedistNeeded; Flags: waituntilterminated
#endif
; postinstall entries run as the user who started Setup (not the elevated administrator), so the
; first start (setup wizard) creates the profile in that user's %LOCALAPPDATA%.
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteDataChosen: Boolean;

function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataSubdir}');
end;

#if FileExists(AddBackslash(SourcePath) + "vc_redist.x64.exe")
function VCRedistNeeded(): Boolean;
var
  Installed: Cardinal;
begin
  Result := not (RegQueryDWordValue(HKLM, 'SOFTWARE\Microsoft\VisualStudio\14.0\VC\Runtimes\x64',
                                    'Installed', Installed) and (Installed = 1));
end;
#endif

{ The uninstaller's question: a check box, unticked by default, so data is only deleted on purpose. }
function AskDeleteData(): Boolean;
var
  Form: TSetupForm;
  Info: TNewStaticText;
  Box: TNewCheckBox;
  OkButton: TNewButton;
begin
  Result := False;
  Form := CreateCustomForm();
  try
    Form.ClientWidth := ScaleX(460);
    Form.ClientHeight := ScaleY(170);
    Form.Caption := CustomMessage('RemoveDataTitle');

    Info := TNewStaticText.Create(Form);
    Info.Parent := Form;
    Info.AutoSize := False;
    Info.WordWrap := True;
    Info.Left := ScaleX(12);
    Info.Top := ScaleY(12);
    Info.Width := Form.ClientWidth - ScaleX(24);
    Info.Height := ScaleY(90);
    Info.Caption := FmtMessage(CustomMessage('RemoveDataInfo'), [DataDir()]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(106);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('RemoveDataBox');
    Box.Checked := False;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(90);
    OkButton.Height := ScaleY(25);
    OkButton.Left := Form.ClientWidth - OkButton.Width - ScaleX(12);
    OkButton.Top := Form.ClientHeight - OkButton.Height - ScaleY(10);
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    Form.ActiveControl := OkButton;
    if Form.ShowModal() = mrOk then
      Result := Box.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
  begin
    DeleteDataChosen := False;
    { Silent uninstalls (/SILENT, /VERYSILENT) never delete data. }
    if (not UninstallSilent()) and DirExists(DataDir()) then
      DeleteDataChosen := AskDeleteData();
  end
  else if (CurUninstallStep = usPostUninstall) and DeleteDataChosen then
  begin
    if not DelTree(DataDir(), True, True, True) then
      MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [DataDir()]), mbError, MB_OK);
    { the "HCC Desk" parent folder, only if nothing else is left in it }
    RemoveDir(ExpandConstant('{localappdata}\{#AppPublisher}'));
  end;
end;
