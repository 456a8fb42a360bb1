<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AddressPicker</name>
    <message>
        <location filename="../../ui/address_picker.py" line="+35"/>
        <source>Tỉnh/thành phố (34 đơn vị từ 01/7/2025)</source>
        <translation>Province or city (34 units since 1 July 2025)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xã/phường: gõ tên không dấu, vd. phu xuan</source>
        <translation>Commune/ward: type the name without accents, e.g. phu xuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỉnh/TP:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xã/phường:</source>
        <translation>Commune/ward:</translation>
    </message>
</context>
<context>
    <name>Admin</name>
    <message>
        <location filename="../../ui/admin/imports_page.py" line="+25"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày làm bù</source>
        <translation>Worked day (swap)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialog.py" line="+22"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Intake officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giám sát</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="+31"/>
        <source>Mặt kính</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khay nạp giấy (ADF)</source>
        <translation>Document feeder (ADF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khay nạp, quét hai mặt</source>
        <translation>Document feeder, both sides</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xám</source>
        <translation>Grey</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../ui/admin/view.py" line="+31"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lịch và danh mục</source>
        <translation>Calendar and catalogue</translation>
    </message>
</context>
<context>
    <name>AgencyRow</name>
    <message>
        <location filename="../../../../forms/agency_row.ui" line="+24"/>
        <source>Tên:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: Sở Tư pháp</source>
        <translation>e.g. Department of Justice</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Viết tắt:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: STP</source>
        <translation>e.g. DOJ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mã định danh:</source>
        <translation>Unit code:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>000.00.00.H57</source>
        <translation>000.00.00.H57</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Xóa</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xóa cơ quan này</source>
        <translation>Remove this agency</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/supervision/chart.py" line="+95"/>
        <source>Chưa có số liệu</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/errors.py" line="+109"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location line="-38"/>
        <source>Đã sao chép</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../../../../forms/crash_dialog.ui" line="+14"/>
        <source>Lỗi ngoài dự kiến — HCC Desk</source>
        <translation>Unexpected error — HCC Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đang nhập đã được lưu nháp. Vui lòng sao chép báo cáo dưới đây gửi bộ phận kỹ thuật.</source>
        <translation>An unexpected error occurred. The dossier being typed has been kept as a draft. Please copy the report below and send it to technical support.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Sao chép báo cáo</source>
        <translation>&amp;Copy report</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đó&amp;ng</source>
        <translation>C&amp;lose</translation>
    </message>
</context>
<context>
    <name>DossierScanDialog</name>
    <message>
        <location filename="../../ui/capture/dossier_scan.py" line="+48"/>
        <source>Quét giấy tờ — hồ sơ %1</source>
        <translation>Scan papers — dossier %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang tải hồ sơ %1…</source>
        <translation>Loading dossier %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thành phần hồ sơ</source>
        <translation>Papers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lưu vào hồ sơ (Ctrl+S)</source>
        <translation>Save to dossier (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Hồ sơ %1 — %2 — %3</source>
        <translation>Dossier %1 — %2 — %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>đã lưu %1 trang</source>
        <translation>%1 page(s) saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 trang chưa lưu</source>
        <translation>%1 page(s) not saved</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Đang quét hoặc thêm tệp: chờ xong rồi lưu.</source>
        <translation>Scanning or adding files: wait until it finishes, then save.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang lưu bản quét vào hồ sơ…</source>
        <translation>Saving the scans to the dossier…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã lưu %1 giấy tờ (%2 trang) vào hồ sơ.</source>
        <translation>Saved %1 paper(s) (%2 page(s)) to the dossier.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Trang chưa lưu</source>
        <translation>Unsaved pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Còn %1 trang đã quét chưa lưu vào hồ sơ. Lưu trước khi đóng?</source>
        <translation>%1 scanned page(s) not yet saved to the dossier. Save before closing?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu vào hồ sơ</source>
        <translation>Save to dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Để sau (giữ các trang)</source>
        <translation>Later (keep the pages)</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../ui/dossier_model.py" line="+19"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giờ nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nộp / chủ hồ sơ</source>
        <translation>Submitter / owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Đã gửi</source>
        <translation>✓ Sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… Chờ gửi</source>
        <translation>… Waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Bị từ chối</source>
        <translation>⚠ Refused</translation>
    </message>
</context>
<context>
    <name>FaultStrip</name>
    <message>
        <location filename="../../ui/capture/fault_strip.py" line="+30"/>
        <source>Tiếp tục quét</source>
        <translation>Continue scanning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thử lại</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng thông báo</source>
        <translation>Close message</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đã giữ %1 trang đã quét.</source>
        <translation>Kept %1 scanned page(s).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa có trang nào được quét trong lượt này.</source>
        <translation>No page was scanned in this run.</translation>
    </message>
</context>
<context>
    <name>FileImporter</name>
    <message>
        <location filename="../../ui/capture/file_import.py" line="+34"/>
        <source>Chọn tệp giấy tờ</source>
        <translation>Choose files for the paper</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Lỗi khi thêm tệp.</source>
        <translation>Error while adding files.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="+13"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <location filename="../../ui/admin/imports_page.py" line="+23"/>
        <source>Chọn tệp &amp;lịch nghỉ lễ…</source>
        <translation>Holiday calen&amp;dar file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn tệp &amp;danh mục thủ tục…</source>
        <translation>Procedure c&amp;atalogue file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngừng các thủ tục không có trong tệp (tệp là danh mục đầ&amp;y đủ)</source>
        <translation>Retire procedures missing from the file (the file is the &amp;whole list)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn một tệp để xem trước những gì sẽ thay đổi.</source>
        <translation>Choose a file to preview what it would change.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ngày / mã</source>
        <translation>Day / code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Nhập vào quầy</source>
        <translation>&amp;Import into this desk</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tệp lịch nghỉ lễ, Tết</source>
        <translation>Holiday calendar file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp danh mục thủ tục</source>
        <translation>Procedure catalogue file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Danh mục (*.json *.xlsx)</source>
        <translation>Catalogue (*.json *.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang đọc %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chưa nhập gì.</source>
        <translation>Nothing imported.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — lịch năm %2: thêm %3, bỏ %4, sửa %5 ngày.</source>
        <translation>%1 — calendar %2: %3 days added, %4 removed, %5 changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — thủ tục: thêm %3, ngừng %4, sửa %5; %6 không đổi.</source>
        <translation>%1 — procedures: %3 added, %4 retired, %5 changed; %6 unchanged.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing changes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cảnh báo (vẫn nhập được, nhưng danh mục cần sửa):</source>
        <translation>Warnings (the import works, but the list needs fixing):</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đã nạp lịch %1: %2 ngày.</source>
        <translation>Calendar %1 loaded: %2 days.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã nhập danh mục: thêm %1, sửa %2, ngừng %3.</source>
        <translation>Catalogue imported: %1 added, %2 changed, %3 retired.</translation>
    </message>
</context>
<context>
    <name>IntakeCapture</name>
    <message>
        <location filename="../../ui/capture/intake_capture.py" line="+32"/>
        <source>Bản quét giấy tờ</source>
        <translation>Paper scans</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 tr.</source>
        <translation>%1 p.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Đang quét hoặc thêm tệp: chờ xong (hoặc Dừng quét) rồi lưu hồ sơ.</source>
        <translation>Scanning or adding files: wait until it finishes (or Stop scanning), then save the dossier.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đang đính kèm bản quét vào hồ sơ %1…</source>
        <translation>Attaching the scans to dossier %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã đính kèm %1 giấy tờ (%2 trang) vào hồ sơ %3.</source>
        <translation>Attached %1 paper(s) (%2 page(s)) to dossier %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1”: %2</source>
        <translation>“%1”: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” chưa được đánh dấu đã nhận nên được đính kèm vào hồ sơ mà không gắn với giấy tờ nào.</source>
        <translation>“%1” was not marked as received, so its scans were attached to the dossier without being linked to a paper.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lỗi khi đính kèm; các trang vẫn được giữ.</source>
        <translation>Error while attaching; the pages are still kept.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa đính kèm được một số bản quét vào hồ sơ %1. Các trang vẫn được giữ; mở “Quét giấy tờ” của hồ sơ này để sửa rồi lưu lại.</source>
        <translation>Some scans could not be attached to dossier %1. The pages are still kept; open “Scan papers” for this dossier to fix them, then save again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã đính kèm bản quét vào hồ sơ %1, lưu ý:</source>
        <translation>Scans attached to dossier %1; please note:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bản quét</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở giấy tờ quét của hồ sơ</source>
        <translation>Open the dossier&apos;s scans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../../../forms/intake.ui" line="+11"/>
        <source>Quét mã Q&amp;R CCCD:</source>
        <translation>Scan ID card &amp;QR:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đặt con trỏ ở đây rồi quét mã QR mặt sau thẻ căn cước (kết thúc bằng Enter)</source>
        <translation>Put the cursor here and scan the QR code on the back of the ID card (ends with Enter)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ẩn thông báo</source>
        <translation>Hide message</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Người nộp hồ sơ</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cá &amp;nhân</source>
        <translation>&amp;Individual</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tổ &amp;chức</source>
        <translation>Or&amp;ganisation</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Chủ hồ sơ &amp;khác người nộp (người được ủy quyền nộp thay)</source>
        <translation>O&amp;wner differs from the submitter (submitted on someone&apos;s behalf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chủ hồ sơ</source>
        <translation>Dossier owner</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedure</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tìm t&amp;hủ tục:</source>
        <translation>&amp;Find procedure:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gõ tên hoặc mã thủ tục, không cần dấu — ↑↓ để chọn, Enter để lấy</source>
        <translation>Type the procedure&apos;s name or code, accents optional — ↑↓ to move, Enter to choose</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Danh sách thủ tục tìm được</source>
        <translation>Procedures found</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Thành phần hồ sơ đã nhận</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thành phần hồ sơ</source>
        <translation>Papers</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nhận đủ tất cả</source>
        <translation>All received</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đánh dấu đã nhận mọi giấy tờ trong danh sách</source>
        <translation>Mark every paper in the list as received</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thêm giấ&amp;y tờ</source>
        <translation>Add pape&amp;r</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Số &amp;bộ hồ sơ:</source>
        <translation>Number of &amp;sets:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tại q&amp;uầy tiếp nhận</source>
        <translation>At the co&amp;unter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Qua bưu điện đến địa chỉ:</source>
        <translation>By p&amp;ost to this address:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Địa chỉ nhận kết quả</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Địa chỉ nhận kết quả qua bưu điện</source>
        <translation>Postal delivery address</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+24"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Ghi chú thêm về hồ sơ (không bắt buộc)</source>
        <translation>Further notes on the dossier (optional)</translation>
    </message>
    <message>
        <location line="+266"/>
        <source>Hồ sơ mới (F2)</source>
        <translation>New dossier (F2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Lưu hồ sơ (Ctrl+S)</source>
        <translation>Sa&amp;ve dossier (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../../ui/intake_view.py" line="+131"/>
        <source>Tổ chức (chủ hồ sơ)</source>
        <translation>Organisation (dossier owner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ hồ sơ</source>
        <translation>Dossier owner</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Đã đọc thẻ của %1, cần kiểm tra:</source>
        <translation>Read the card of %1; please check:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã đọc thẻ căn cước của %1.</source>
        <translation>Read the ID card of %1.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Hẹn trả kết quả: chọn thủ tục để tính ngày hẹn</source>
        <translation>Result due: choose a procedure to compute the date</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hẹn trả kết quả: %1</source>
        <translation>Result due: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Hồ sơ mới</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ hồ sơ đang nhập dở và bắt đầu hồ sơ mới?</source>
        <translation>Drop the dossier being typed and start a new one?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Các trang đã quét của hồ sơ này cũng bị bỏ.</source>
        <translation>This dossier&apos;s scanned pages will be dropped too.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bỏ và nhập mới</source>
        <translation>&amp;Drop and start new</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tiếp tục nhập</source>
        <translation>&amp;Keep typing</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đang lưu hồ sơ…</source>
        <translation>Saving the dossier…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hồ sơ chưa hợp lệ, vui lòng sửa các ô được đánh dấu đỏ.</source>
        <translation>The dossier is not valid yet: please correct the fields marked in red.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Giấy tờ thứ %1: </source>
        <translation>Paper %1: </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã tiếp nhận hồ sơ %1 — hẹn trả %2.</source>
        <translation>Dossier %1 received — result due %2.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/idle.py" line="+72"/>
        <source>Nhập mật khẩu của %1 (%2) để tiếp tục làm việc.</source>
        <translation>Enter the password of %1 (%2) to continue.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Mật khẩu không đúng.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="../../../../forms/lock_dialog.ui" line="+14"/>
        <source>Đã khóa — HCC Desk</source>
        <translation>Locked — HCC Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Mở &amp;khóa</source>
        <translation>&amp;Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="+43"/>
        <source>Nhập tên đăng nhập.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location filename="../../../../forms/login_dialog.ui" line="+14"/>
        <source>Đăng nhập — HCC Desk</source>
        <translation>Log in — HCC Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HCC Desk</source>
        <translation>HCC Desk</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đăng nhập bằng tài khoản cán bộ tiếp nhận.</source>
        <translation>Log in with your reception officer account.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đăng &amp;nhập</source>
        <translation>&amp;Log in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+53"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Giám sát</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cán bộ: %1 (%2)</source>
        <translation>Officer: %1 (%2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (số %2)</source>
        <translation>%1 (no. %2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Trả &amp;kết quả</source>
        <translation>R&amp;eturn results</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Giám sát</source>
        <translation>S&amp;upervision</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Hồ sơ đang nhập dở</source>
        <translation>Unfinished dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khôi phục hồ sơ đang nhập dở?</source>
        <translation>Restore the dossier that was being typed?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lần sửa cuối: %1.</source>
        <translation>Last edited: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bỏ bản nháp</source>
        <translation>&amp;Discard draft</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Đã khôi phục hồ sơ đang nhập dở.</source>
        <translation>The unfinished dossier has been restored.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã lưu nháp lúc %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Chưa có hồ sơ nào vừa lưu để in.</source>
        <translation>No dossier has just been saved to print.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Ngôn ngữ mới được áp dụng khi mở lại chương trình.
The new language applies when the program is restarted.</source>
        <translation>The new language applies when the program is restarted.
Ngôn ngữ mới được áp dụng khi mở lại chương trình.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>F7: quét giấy tờ đang chọn · Shift+F7: dừng quét · Ctrl+O: thêm tệp</source>
        <translation>F7: scan the selected paper · Shift+F7: stop scanning · Ctrl+O: add files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt + chữ gạch chân: đến ô tương ứng. Enter trong ô QR: đọc thẻ.</source>
        <translation>Alt + underlined letter: go to that field. Enter in the QR field: read the card.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HCC Desk %1 — phần mềm tiếp nhận hồ sơ tại bộ phận một cửa.</source>
        <translation>HCC Desk %1 — dossier intake at the one-stop counter.</translation>
    </message>
    <message>
        <location filename="../../../../forms/main_window.ui" line="+14"/>
        <source>HCC Desk — Tiếp nhận hồ sơ</source>
        <translation>HCC Desk — Dossier intake</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hồ sơ hôm nay</source>
        <translation>Today&apos;s dossiers</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Xử lý</source>
        <translation>&amp;Counter</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Trợ giú&amp;p</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ngôn ngữ / Language</source>
        <translation>Language / Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hồ sơ &amp;mới</source>
        <translation>&amp;New dossier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xóa biểu mẫu để tiếp nhận hồ sơ mới</source>
        <translation>Clear the form for a new dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lưu hồ sơ</source>
        <translation>&amp;Save dossier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kiểm tra, lưu hồ sơ và in phiếu tiếp nhận</source>
        <translation>Check and save the dossier, then print its receipt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;In phiếu tiếp nhận</source>
        <translation>&amp;Print receipt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In lại phiếu của hồ sơ vừa lưu hoặc đang chọn</source>
        <translation>Print the receipt of the dossier just saved or selected</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tìm hồ sơ</source>
        <translation>&amp;Find dossiers</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Làm mới &amp;danh sách</source>
        <translation>&amp;Refresh list</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Màn hình &amp;tiếp nhận</source>
        <translation>&amp;Intake screen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hồ sơ &amp;hôm nay</source>
        <translation>&amp;Today&apos;s dossiers</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Khóa màn hình</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>T&amp;hoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tiếng Việt</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Phím tắt</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-267"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&amp;Quản trị</source>
        <translation>&amp;Administration</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <location filename="../../ui/admin/officer_dialog.py" line="+17"/>
        <source>Thêm cán bộ</source>
        <translation>Add an officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset the password</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>vd. lan.nguyen (chữ thường không dấu)</source>
        <translation>e.g. lan.nguyen (lower case, no accents)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vai trò:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cán bộ:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>Confir&amp;m the password:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ít nhất 10 ký tự (quản trị: 12), không trùng tên đăng nhập, không phải mật khẩu phổ biến.</source>
        <translation>At least 10 characters (administrators: 12), not the user name, not a common password.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tạo tài &amp;khoản</source>
        <translation>&amp;Create account</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Đã tạo tài khoản %1.</source>
        <translation>Account %1 created.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã đặt mật khẩu mới cho %1.</source>
        <translation>New password set for %1.</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="+33"/>
        <source>Quầy đã đăng ký với máy chủ trung tâm: cán bộ được quản lý trên máy chủ trung tâm (thêm, khoá, đặt lại mật khẩu). Ở đây chỉ xem và mở khoá đăng nhập tại quầy.</source>
        <translation>This desk is enrolled with central: officers are managed on central (add, disable, reset a password). Here you can only view them and lift this desk&apos;s login lockout.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạm khoá đến</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Thêm cán bộ…</source>
        <translation>&amp;Add officer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt lại &amp;mật khẩu…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>&amp;Ngừng hoạt động</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Mở &amp;khoá đăng nhập</source>
        <translation>&amp;Unlock login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Làm mới</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ngừng</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cho &amp;hoạt động lại</source>
        <translation>&amp;Enable again</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Đã cho %1 hoạt động lại.</source>
        <translation>%1 is enabled again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ngừng tài khoản %1: không đăng nhập được nữa.</source>
        <translation>Account %1 disabled: it can no longer log in.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã mở khoá đăng nhập cho %1.</source>
        <translation>Login unlocked for %1.</translation>
    </message>
</context>
<context>
    <name>OrganisationFields</name>
    <message>
        <location filename="../../../../forms/organisation_fields.ui" line="+24"/>
        <source>Tên tổ chức:</source>
        <translation>Organisation name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tên đầy đủ theo giấy đăng ký</source>
        <translation>Full name as registered</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Mã số thuế:</source>
        <translation>&amp;Tax code:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>10 hoặc 13 chữ số</source>
        <translation>10 or 13 digits</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Địa chỉ trụ sở:</source>
        <translation>Head office address:</translation>
    </message>
</context>
<context>
    <name>PageListModel</name>
    <message>
        <location filename="../../ui/capture/page_model.py" line="+79"/>
        <source>Trang %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trang trắng?</source>
        <translation>Blank page?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trang %1 — %2×%3 điểm ảnh, %4 dpi</source>
        <translation>Page %1 — %2×%3 pixels, %4 dpi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Có vẻ là trang trắng: xem lại rồi xoá hoặc giữ.</source>
        <translation>Looks like a blank page: check it, then delete or keep it.</translation>
    </message>
</context>
<context>
    <name>PageReview</name>
    <message>
        <location filename="../../ui/capture/page_review.py" line="+73"/>
        <source>Các trang đã quét</source>
        <translation>Scanned pages</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Xem trước trang</source>
        <translation>Page preview</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trang này có vẻ là trang trắng. Xoá nếu đúng là trang trắng, hoặc bấm “Không phải trang trắng”.</source>
        <translation>This page looks blank. Delete it if it really is blank, or press “Not a blank page”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xoay trái</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xoay phải</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>← Lên trước</source>
        <translation>← Move earlier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ra sau →</source>
        <translation>Move later →</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>Xoá trang</source>
        <translation>Delete page</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+2"/>
        <location line="+178"/>
        <source>Không phải trang trắng</source>
        <translation>Not a blank page</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Quét chèn</source>
        <translation>Scan and insert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chèn tệp…</source>
        <translation>Insert files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xoá trang đang chọn (phím Delete)</source>
        <translation>Delete the selected page (Delete key)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quét thêm trang, chèn sau trang đang chọn</source>
        <translation>Scan more pages and insert them after the selected page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm trang từ tệp, chèn sau trang đang chọn</source>
        <translation>Add pages from files and insert them after the selected page</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Xoá trang %1 khỏi giấy tờ này?</source>
        <translation>Delete page %1 from this paper?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Xoá</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Giữ lại</source>
        <translation>&amp;Keep</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Không ghi được thay đổi của trang: %1</source>
        <translation>The change to the page could not be saved: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đánh dấu trang trắng</source>
        <translation>Mark as blank page</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa có trang nào. Bấm Quét (F7) hoặc Thêm tệp…</source>
        <translation>No pages yet. Press Scan (F7) or Add files…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không đọc được ảnh của trang.</source>
        <translation>The page image could not be read.</translation>
    </message>
</context>
<context>
    <name>PapersTable</name>
    <message>
        <location filename="../../ui/papers_table.py" line="+65"/>
        <location line="+63"/>
        <source>Tên giấy tờ</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Đã
nhận</source>
        <translation>Recei-
ved</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bản
chính</source>
        <translation>Origi-
nals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao
chứng thực</source>
        <translation>Certified
copies</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bản
photo</source>
        <translation>Photo-
copies</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bản
quét</source>
        <translation>Scanned
pages</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Đã nhận: %1</source>
        <translation>Received: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>giấy tờ thêm</source>
        <translation>added paper</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tên giấy tờ thêm</source>
        <translation>Name of the added paper</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chỉ cần khi hồ sơ thuộc trường hợp này: đánh dấu riêng nếu đã nhận</source>
        <translation>Needed only in this case: tick it on its own if handed in</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../../ui/sync_indicator.py" line="+137"/>
        <source>Hồ sơ bị máy chủ từ chối</source>
        <translation>Records refused by central</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Các bản ghi dưới đây chưa được máy chủ nhận. Sửa nguyên nhân rồi bấm Thử lại; các hồ sơ khác vẫn đồng bộ bình thường.</source>
        <translation>Central has not accepted the records below. Fix the cause, then press Retry; other dossiers keep syncing normally.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Thử lại</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../../../../forms/person_fields.ui" line="+24"/>
        <source>Họ và &amp;tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Như trên giấy tờ tùy thân</source>
        <translation>As on the identity document</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Số định &amp;danh:</source>
        <translation>I&amp;D number:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Số CMND cũ:</source>
        <translation>Old ID (CMND):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nếu có</source>
        <translation>If any</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ngày &amp;sinh:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Giới tính:</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Điện th&amp;oại:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: 0912345678</source>
        <translation>e.g. 0912345678</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Số nhà, đường, phường/xã, tỉnh/thành phố</source>
        <translation>House number, street, ward/commune, province/city</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/procedure_picker.py" line="+116"/>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>theo quy định hiện hành</source>
        <translation>as currently regulated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thời hạn: %1</source>
        <translation>Time limit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phí, lệ phí: %1</source>
        <translation>Fees: %1</translation>
    </message>
</context>
<context>
    <name>ProfileChooser</name>
    <message>
        <location filename="../../ui/capture/profile_chooser.py" line="+36"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nguồn giấy</source>
        <translation>Paper source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Độ phân giải</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chế độ màu</source>
        <translation>Colour mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm máy quét</source>
        <translation>Find scanners</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tìm lại các máy quét đang kết nối</source>
        <translation>Search again for connected scanners</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chưa chọn máy quét: bấm Quét (F7) để tìm máy, hoặc Tìm máy quét.</source>
        <translation>No scanner chosen: press Scan (F7) to look for one, or Find scanners.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Máy quét đã dùng lần trước.</source>
        <translation>The scanner used last time.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang tìm máy quét…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tìm được máy quét: %1</source>
        <translation>Scanner search failed: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (chưa thấy máy)</source>
        <translation>%1 (not found)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Có %1 máy quét.</source>
        <translation>%1 scanner(s) found.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không thấy máy quét nào. Kiểm tra cáp và nguồn, rồi bấm Tìm máy quét; vẫn có thể Thêm tệp…</source>
        <translation>No scanner found. Check the cable and power, then press Find scanners; you can still Add files…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mặt kính</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Khay nạp giấy (ADF)</source>
        <translation>Document feeder (ADF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khay nạp, quét hai mặt</source>
        <translation>Document feeder, both sides</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xám</source>
        <translation>Greyscale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <location filename="../../ui/receipt_preview.py" line="+67"/>
        <source>Mã hồ sơ: %1</source>
        <translation>Dossier code: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Máy in mặc định</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../../../forms/receipt_preview.ui" line="+101"/>
        <source>Đang tạo phiếu…</source>
        <translation>Preparing the receipt…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Không tạo được phiếu.</source>
        <translation>The receipt could not be prepared.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang gửi lệnh in…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã gửi phiếu tới máy in (lệnh %1).</source>
        <translation>The receipt was sent to the printer (job %1).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lưu phiếu thành PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không lưu được tệp: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../../../../forms/receipt_preview.ui" line="-87"/>
        <source>Xem trước phiếu tiếp nhận — HCC Desk</source>
        <translation>Receipt preview — HCC Desk</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Khổ giấy:</source>
        <translation>Paper si&amp;ze:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Máy in:</source>
        <translation>Pri&amp;nter:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Ảnh xem trước phiếu tiếp nhận</source>
        <translation>Preview image of the receipt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;In (Ctrl+P)</source>
        <translation>&amp;Print (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lưu &amp;PDF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đó&amp;ng (Esc)</source>
        <translation>&amp;Close (Esc)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="+35"/>
        <source>Cơ sở dữ liệu bị hỏng — HCC Desk</source>
        <translation>Damaged database — HCC Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cơ sở dữ liệu của quầy bị hỏng. Tệp hỏng đã được chuyển sang:
%1
(không bị xoá).</source>
        <translation>The counter&apos;s database is damaged. The damaged file was moved to:
%1
(not deleted).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bản sao lưu tốt gần nhất: %1 (%2, %3 hồ sơ).</source>
        <translation>Newest good backup: %1 (%2, %3 dossiers).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không có bản sao lưu dùng được: hãy liên hệ bộ phận hỗ trợ.</source>
        <translation>No usable backup was found: call support.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ chưa gửi lên trung tâm (cần nhập lại nếu bản sao lưu không có):</source>
        <translation>Dossiers that had not reached central (retake them if the backup lacks them):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quản trị viên:</source>
        <translation>Admin:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Khôi phục bản sao lưu này</source>
        <translation>&amp;Restore this backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Th&amp;oát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không đọc được danh sách từ tệp hỏng.</source>
        <translation>The list could not be read from the damaged file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mọi hồ sơ đã gửi lên trung tâm.</source>
        <translation>Every dossier had reached central.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nhập tên đăng nhập của quản trị viên.</source>
        <translation>Enter the admin&apos;s user name.</translation>
    </message>
</context>
<context>
    <name>RecoveryOffer</name>
    <message>
        <location filename="../../ui/capture/recovery.py" line="+58"/>
        <source>Trang đã quét chưa lưu</source>
        <translation>Unsaved scanned pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có %1 trang đã quét chưa lưu vào hồ sơ (máy hoặc chương trình đã tắt đột ngột). Khôi phục các trang này?</source>
        <translation>%1 scanned page(s) were not saved to a dossier (the computer or the program shut down unexpectedly). Restore these pages?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ các trang này</source>
        <translation>Discard these pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>• %1: %2 trang</source>
        <translation>• %1: %2 page(s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>giấy tờ</source>
        <translation>paper</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— đính kèm vào hồ sơ %1</source>
        <translation>— for dossier %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— hồ sơ đang nhập chưa lưu</source>
        <translation>— unsaved dossier being typed</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đang nhập dở một hồ sơ khác: lưu hoặc bỏ hồ sơ đó, các trang đã quét sẽ được hỏi lại ở lần mở sau.</source>
        <translation>Another dossier is being typed: save or drop it; the scanned pages will be offered again the next time the program starts.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã khôi phục các trang đã quét (%1). Chọn lại thủ tục để các trang về đúng giấy tờ, rồi lưu hồ sơ.</source>
        <translation>Scanned pages restored (%1). Choose the procedure again so the pages go back to their papers, then save the dossier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã đính kèm %1 giấy tờ (%2 trang).</source>
        <translation>Attached %1 paper(s) (%2 page(s)).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bỏ trang đã quét</source>
        <translation>Discard scanned pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xoá hẳn %1 trang đã quét? Không thể hoàn tác.</source>
        <translation>Delete %1 scanned page(s) for good? This cannot be undone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xoá hẳn</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giữ lại</source>
        <translation>Keep</translation>
    </message>
</context>
<context>
    <name>ReturnDeskView</name>
    <message>
        <location filename="../../ui/return_desk/view.py" line="+100"/>
        <source>Mã hồ &amp;sơ (quét mã vạch trên giấy tiếp nhận):</source>
        <translation>Dossier &amp;code (scan the barcode on the receipt):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quét mã vạch hoặc gõ mã rồi nhấn Enter</source>
        <translation>Scan the barcode or type the code, then press Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Mở hồ sơ</source>
        <translation>&amp;Open dossier</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mã hồ sơ:</source>
        <translation>Dossier code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nộp:</source>
        <translation>Submitter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ hồ sơ:</source>
        <translation>Dossier owner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan giải quyết:</source>
        <translation>Handling agency:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày nhận:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cơ quan giao nhận tại quầy</source>
        <translation>Agency hand-overs at the counter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chuyển hồ sơ…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu bổ sung…</source>
        <translation>Request supplement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã nhận bổ sung…</source>
        <translation>Supplement received…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã có kết quả…</source>
        <translation>Result ready…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin lỗi, hẹn lại…</source>
        <translation>Apologise, new date…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Người nhận kết quả</source>
        <translation>Result recipient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Người nộp / chủ hồ sơ</source>
        <translation>Submitter / owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quét mã QR trên CCCD của người nhận</source>
        <translation>Scan the QR code on the recipient&apos;s ID card</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Số, ngày giấy ủy quyền</source>
        <translation>Number and date of the authorisation letter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ví dụ: Hộ chiếu số …</source>
        <translation>e.g. Passport no. …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QR CCCD:</source>
        <translation>ID card &amp;QR:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Họ tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số &amp;định danh:</source>
        <translation>I&amp;D number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Giấy ủy quyền:</source>
        <translation>Authorisation &amp;letter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kết quả trả:</source>
        <translation>&amp;Result handed back:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Trả kết quả</source>
        <translation>Re&amp;turn result</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;In lại phiếu trả</source>
        <translation>Re&amp;print return slip</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Hãy quét hoặc nhập mã hồ sơ.</source>
        <translation>Scan or type a dossier code.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(như người nộp)</source>
        <translation>(same as submitter)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tạm dừng (chờ bổ sung)</source>
        <translation>Paused (awaiting supplement)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã trả cho %1 lúc %2 (%3)</source>
        <translation>Handed to %1 at %2 (%3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã có kết quả — sẵn sàng trả</source>
        <translation>Result ready — can be handed back</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa có kết quả</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Thông tin trên thẻ cần kiểm tra:</source>
        <translation>Card details to check:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Đã trả kết quả: %1</source>
        <translation>Result returned: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã trả kết quả hồ sơ %1 cho %2. Đang in phiếu trả kết quả…</source>
        <translation>The result of dossier %1 was handed to %2. Printing the return slip…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Đã ghi nhận: %1 — %2.</source>
        <translation>Recorded: %1 — %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa có chức năng in phiếu trên máy này.</source>
        <translation>Printing slips is not available on this PC.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã gửi %1 tới máy in (lệnh in %2).</source>
        <translation>Sent the %1 to the printer (job %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã ghi nhận nhưng chưa in được phiếu: %1</source>
        <translation>Recorded, but the slip could not be printed: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chưa ghi nhận được:</source>
        <translation>Could not record:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>phiếu trả kết quả</source>
        <translation>return slip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phiếu yêu cầu bổ sung (Mẫu 02)</source>
        <translation>supplement request (Form 02)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phiếu từ chối tiếp nhận (Mẫu 03)</source>
        <translation>refusal to receive (Form 03)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>thông báo dừng giải quyết hồ sơ</source>
        <translation>notice of stopped processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phiếu xin lỗi, hẹn lại (Mẫu 04)</source>
        <translation>apology and new date slip (Form 04)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phiếu kiểm soát (Mẫu 05)</source>
        <translation>control slip (Form 05)</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../ui/capture/scan_panel.py" line="+84"/>
        <source>Quét (F7)</source>
        <translation>Scan (F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm tệp…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dừng quét</source>
        <translation>Stop scanning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quét giấy tờ đang chọn (F7). Với khay nạp giấy, quét đến khi hết giấy.</source>
        <translation>Scan the selected paper (F7). With the document feeder, scans until it runs out of paper.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm trang từ tệp PDF, JPEG, PNG, TIFF (Ctrl+O); cũng có thể kéo thả tệp vào đây.</source>
        <translation>Add pages from PDF, JPEG, PNG or TIFF files (Ctrl+O); you can also drag and drop files here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dừng sau trang đang quét (Shift+F7); các trang đã quét được giữ.</source>
        <translation>Stop after the page being scanned (Shift+F7); scanned pages are kept.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Chọn giấy tờ cần quét trong danh sách thành phần hồ sơ trước.</source>
        <translation>First choose the paper to scan in the list of papers.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không thấy máy quét nào. Kiểm tra cáp và nguồn rồi bấm Tìm máy quét, hoặc Thêm tệp… để lấy trang từ tệp.</source>
        <translation>No scanner found. Check the cable and power, then press Find scanners, or Add files… to take pages from files.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tạo được thư mục lưu trang quét: %1</source>
        <translation>The folder for scanned pages could not be created: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đang quét trang 1…</source>
        <translation>Scanning page 1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đang dừng sau trang này…</source>
        <translation>Stopping after this page…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Đã quét %1 trang, đang quét trang %2…</source>
        <translation>%1 page(s) scanned, scanning page %2…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Đã quét xong %1 trang.</source>
        <translation>Finished: %1 page(s) scanned.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã dừng quét; giữ %1 trang đã quét.</source>
        <translation>Scanning stopped; %1 scanned page(s) kept.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quét bị gián đoạn sau %1 trang.</source>
        <translation>Scanning was interrupted after %1 page(s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 trang có vẻ là trang trắng: xem lại.</source>
        <translation>%1 page(s) look blank: please check.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lỗi khi quét; các trang đã quét vẫn được giữ.</source>
        <translation>Error while scanning; the scanned pages are still kept.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn giấy tờ trong danh sách thành phần hồ sơ trước khi thêm tệp.</source>
        <translation>Choose a paper in the list of papers before adding files.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đang thêm %1 tệp…</source>
        <translation>Adding %1 file(s)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã thêm %1 trang từ tệp.</source>
        <translation>Added %1 page(s) from files.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Chọn một giấy tờ trong danh sách thành phần hồ sơ để quét hoặc thêm tệp.</source>
        <translation>Choose a paper in the list of papers to scan it or add files.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giấy tờ: %1 — %2 trang</source>
        <translation>Paper: %1 — %2 page(s)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="+23"/>
        <source>In phiếu</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(máy in mặc định của hệ thống)</source>
        <translation>(the system&apos;s default printer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tìm máy in</source>
        <translation>&amp;Find printers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy &amp;in:</source>
        <translation>Pr&amp;inter:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Khổ &amp;giấy:</source>
        <translation>Pape&amp;r:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quầy</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tự &amp;khoá màn hình sau:</source>
        <translation>&amp;Lock the screen after:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Ngôn ngữ:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(chưa chọn: hỏi khi quét lần đầu)</source>
        <translation>(none: asked at the first scan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm má&amp;y quét</source>
        <translation>Find scan&amp;ners</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thiết &amp;bị:</source>
        <translation>&amp;Device:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ng&amp;uồn giấy:</source>
        <translation>S&amp;ource:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Độ p&amp;hân giải:</source>
        <translation>Resol&amp;ution:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chế độ &amp;màu:</source>
        <translation>Colour &amp;mode:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Lưu cài đặt</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã lưu cài đặt. Ngôn ngữ và thời gian tự khoá áp dụng khi mở lại chương trình.</source>
        <translation>Settings saved. The language and the idle lock apply when the program is restarted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tìm thấy %1 máy in.</source>
        <translation>%1 printer(s) found.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tìm thấy %1 máy quét.</source>
        <translation>%1 scanner(s) found.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../../../forms/setup_wizard.ui" line="+153"/>
        <source>&amp;Cấp trung tâm:</source>
        <translation>Centre &amp;level:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Trung tâm cấp tỉnh hay cấp xã (chính quyền hai cấp từ 01/7/2025): quầy chỉ hiện các thủ tục của cấp này</source>
        <translation>Provincial or commune-level centre (two-level government since 1 July 2025): the desk shows the procedures of this level only</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cấp tỉnh</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cấp xã</source>
        <translation>Commune-level</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>— chọn —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="+82"/>
        <source>&amp;Tiếp theo &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; &amp;Quay lại</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hoàn tất</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;hoát</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng dữ liệu &amp;mẫu (demo)</source>
        <translation>Use &amp;demo data</translation>
    </message>
    <message>
        <location filename="../../../../forms/setup_wizard.ui" line="-314"/>
        <source>Thiết lập lần đầu — HCC Desk</source>
        <translation>First-time setup — HCC Desk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trung tâm</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thông tin in trên phiếu tiếp nhận (Mẫu 01).</source>
        <translation>Printed on the receipt (Form 01).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Tên trung tâm:</source>
        <translation>Centre &amp;name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: Trung tâm Phục vụ hành chính công thành phố Huế</source>
        <translation>e.g. Trung tâm Phục vụ hành chính công thành phố Huế</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cơ quan &amp;chủ quản:</source>
        <translation>&amp;Governing body:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: Ủy ban nhân dân thành phố Huế</source>
        <translation>e.g. Ủy ban nhân dân thành phố Huế</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đị&amp;a danh:</source>
        <translation>&amp;Place name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: Huế (in ở dòng &quot;Huế, ngày … tháng … năm …&quot;)</source>
        <translation>e.g. Huế (printed in &quot;Huế, ngày … tháng … năm …&quot;)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đường dây &amp;nóng:</source>
        <translation>&amp;Hotline:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: 0234 3 822 000</source>
        <translation>e.g. 0234 3 822 000</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Cơ quan giải quyết</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Các cơ quan có thủ tục được tiếp nhận tại trung tâm, mỗi cơ quan một mã định danh (dạng 000.00.00.H57). Danh sách gợi ý lấy từ danh mục thủ tục có sẵn: sửa mã cho đúng, xóa cơ quan không có tại trung tâm.</source>
        <translation>The agencies whose procedures the centre receives, each with its unit code (like 000.00.00.H57). The suggested list comes from the bundled procedure catalogue: correct the codes and remove agencies the centre does not have.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Thêm cơ quan</source>
        <translation>&amp;Add agency</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Quầy này</source>
        <translation>This counter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tên và số thứ tự của quầy đặt máy này.</source>
        <translation>Name and number of the counter this PC is on.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Tên quầy:</source>
        <translation>Counter &amp;name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: Quầy 1 — Tư pháp, hộ tịch</source>
        <translation>e.g. Counter 1 — Justice, civil status</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Số thứ tự quầy:</source>
        <translation>Counter n&amp;umber:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Mỗi quầy trong trung tâm cần một số thứ tự khác nhau, để mã hồ sơ không trùng khi các quầy làm việc không có mạng: hỏi quản trị viên số của quầy này (là số ghi kèm mã đăng ký trên máy chủ; khi đăng ký, máy chủ xác nhận lại số này). Quầy demo dùng số dành riêng, không trùng với quầy thật.</source>
        <translation>Every counter in the centre needs its own number, so dossier codes never collide while counters work offline: ask the admin for this counter&apos;s number (the one given with its enrolment code; central confirms it at enrolment). The demo counter uses a reserved number no real counter has.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Quản trị viên đầu tiên</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài khoản này quản lý cán bộ, danh mục thủ tục và cài đặt.</source>
        <translation>This account manages officers, the procedure catalogue and settings.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>VD: quantri</source>
        <translation>e.g. admin</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/return_desk/step_dialog.py" line="+60"/>
        <source>Chuyển đến (&amp;nơi nhận):</source>
        <translation>Transfer &amp;to (recipient):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giao từ:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Cơ quan:</source>
        <translation>&amp;Agency:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Giấy tờ cần bổ sung:</source>
        <translation>&amp;Papers to supplement:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mỗi dòng một giấy tờ</source>
        <translation>One paper per line</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Giấy tờ &amp;khác:</source>
        <translation>&amp;Other papers:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Ngày hẹn mới:</source>
        <translation>&amp;New due date:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lý do:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Lý do từ chối:</source>
        <translation>&amp;Reasons for refusal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lý do chậm:</source>
        <translation>&amp;Reason for delay:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Ghi chú:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chuyển hồ sơ (phiếu kiểm soát, Mẫu 05)</source>
        <translation>Transfer dossier (control slip, Form 05)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan đang xử lý</source>
        <translation>Agency is processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu bổ sung hồ sơ (Mẫu 02)</source>
        <translation>Request a supplement (Form 02)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã nhận hồ sơ bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan trả kết quả về bộ phận một cửa</source>
        <translation>Agency returns the result to the one-stop counter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ chối / dừng giải quyết hồ sơ</source>
        <translation>Refuse / stop processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</source>
        <translation>Apologise and set a new result date (Form 04)</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../ui/supervision/chart.py" line="-65"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>SupervisionView</name>
    <message>
        <location filename="../../ui/supervision/view.py" line="+84"/>
        <source>&amp;Làm mới từ máy chủ</source>
        <translation>&amp;Refresh from central</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Xuất &amp;Excel…</source>
        <translation>Export &amp;Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Reception officer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ bổ sung từ</source>
        <translation>Awaiting supplement since</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hẹn ban đầu</source>
        <translation>Original due date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tỷ lệ giải quyết đúng hạn</source>
        <translation>On-time resolution rate</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Theo cơ quan</source>
        <translation>By agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo thủ tục</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo cán bộ</source>
        <translation>By officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Từ ngày:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>đến:</source>
        <translation>to:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+24"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến hạn trong 2 ngày làm việc</source>
        <translation>Due within 2 working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Chưa lấy dữ liệu các quầy từ máy chủ trung tâm: chỉ có hồ sơ của quầy này.</source>
        <translation>Counters&apos; data not yet fetched from central: only this counter&apos;s dossiers are shown.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dữ liệu các quầy cập nhật lúc %1; tính theo đồng hồ máy này lúc %2.</source>
        <translation>Counters&apos; data updated at %1; computed by this PC&apos;s clock at %2.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Ngày kết thúc phải sau ngày bắt đầu.</source>
        <translation>The end date must be after the start date.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tổng cộng</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Xuất báo cáo giám sát</source>
        <translation>Export supervision report</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã xuất: %1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync_indicator.py" line="-124"/>
        <source>Chưa đăng ký máy chủ</source>
        <translation>Not enrolled with central</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quầy làm việc độc lập (chưa đăng ký đồng bộ).</source>
        <translation>This counter works on its own (not enrolled for sync).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Cần đăng ký lại</source>
        <translation>⚠ Re-enrolment needed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… Đang kết nối</source>
        <translation>… Connecting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Trực tuyến</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Ngoại tuyến</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chờ gửi: %1</source>
        <translation>waiting: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lỗi: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chưa lần nào</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đồng bộ thành công gần nhất: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>giờ máy sai</source>
        <translation>PC clock wrong</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đồng bộ &amp;ngay</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ &amp;bị từ chối…</source>
        <translation>&amp;Refused records…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>⟳ Đang đồng bộ…</source>
        <translation>⟳ Syncing…</translation>
    </message>
</context>
<context>
    <name>TodayForm</name>
    <message>
        <location filename="../../../../forms/today.ui" line="+11"/>
        <source>&amp;Tìm hồ sơ:</source>
        <translation>&amp;Search dossiers:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mã hồ sơ, số định danh, họ tên (không cần dấu) hoặc số điện thoại</source>
        <translation>Dossier code, ID number, name (accents optional) or phone number</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Làm mới (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;In lại phiếu (Ctrl+P)</source>
        <translation>&amp;Reprint receipt (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Danh sách hồ sơ</source>
        <translation>Dossier list</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/today_view.py" line="+44"/>
        <source>Quét giấy tờ</source>
        <translation>Scan papers</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tìm thấy %1 hồ sơ cho “%2”.</source>
        <translation>Found %1 dossier(s) for “%2”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hôm nay đã tiếp nhận %1 hồ sơ.</source>
        <translation>%1 dossier(s) received today.</translation>
    </message>
</context>
</TS>
