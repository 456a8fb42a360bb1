"""Seeded, realistic applicants for the simulator: Vietnamese names with the usual family-name
skew, 12-digit personal IDs that agree with the date of birth and sex, mobile numbers, Huế
addresses, now and then an organisation with a valid tax code.

Everything comes from one ``random.Random``, so a seed gives the same people every run.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from hcc_core.domain.provinces import PROVINCES
from hcc_core.domain.tax_code import tax_check_digit
from hcc_desk.services.intake_request import (
    IntakeRequest,
    OrganisationInput,
    PaperInput,
    PersonInput,
)

# (family name, weight ‰): Nguyễn alone is over a third of the population.
FAMILY = (
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Phan", 45),
    ("Hoàng", 30),
    ("Huỳnh", 20),
    ("Vũ", 20),
    ("Võ", 19),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Trương", 8),
    ("Đinh", 6),
    ("Đoàn", 5),
    ("Lý", 5),
    ("Tôn Thất", 4),
    ("Mai", 4),
    ("Cao", 3),
)
MIDDLE = {
    "Nam": ("Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Xuân"),
    "Nữ": ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Phương", "Mỹ"),
}
GIVEN = {
    "Nam": (
        "Anh",
        "Bảo",
        "Bình",
        "Cường",
        "Dũng",
        "Duy",
        "Đạt",
        "Hải",
        "Hiếu",
        "Hùng",
        "Huy",
        "Khánh",
        "Khoa",
        "Long",
        "Minh",
        "Nam",
        "Phong",
        "Phúc",
        "Quân",
        "Sơn",
        "Tài",
        "Thắng",
        "Tiến",
        "Trung",
        "Tuấn",
        "Việt",
        "Vinh",
    ),
    "Nữ": (
        "An",
        "Ánh",
        "Châu",
        "Chi",
        "Dung",
        "Giang",
        "Hà",
        "Hằng",
        "Hạnh",
        "Hiền",
        "Hoa",
        "Hương",
        "Huyền",
        "Lan",
        "Linh",
        "Loan",
        "Mai",
        "Nga",
        "Nhung",
        "Phương",
        "Thảo",
        "Thu",
        "Thủy",
        "Trang",
        "Vân",
        "Yến",
    ),
}
STREETS = (
    "Lê Lợi",
    "Hùng Vương",
    "Trần Hưng Đạo",
    "Nguyễn Huệ",
    "Bà Triệu",
    "Lý Thường Kiệt",
    "Phan Đình Phùng",
    "Điện Biên Phủ",
    "Nguyễn Trãi",
    "Lê Duẩn",
    "Đinh Tiên Hoàng",
)
WARDS = (
    "Phường Thuận Hóa",
    "Phường Phú Xuân",
    "Phường Kim Long",
    "Phường Vỹ Dạ",
    "Phường An Cựu",
    "Phường Thủy Xuân",
    "Phường Hương An",
)
MOBILE = (
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "052",
    "056",
    "058",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "083",
    "084",
    "085",
    "086",
    "088",
    "089",
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
)
COMPANY = (
    "Công ty TNHH Thương mại {n}",
    "Công ty Cổ phần Xây dựng {n}",
    "Hợp tác xã Nông nghiệp {n}",
    "Công ty TNHH Dịch vụ Du lịch {n}",
)
# Papers for procedures whose published record lists none (the intake then needs a list).
GENERIC_PAPERS = (
    PaperInput("Đơn đề nghị (theo mẫu)", originals=1),
    PaperInput("Bản sao Căn cước công dân", photocopies=1),
)
# Most applicants are from Huế (046) or nearby provinces; some from the big cities.
HOME = ("046",) * 8 + ("045", "048", "044", "049", "001", "079", "038", "040")
assert all(code in PROVINCES for code in HOME)


class People:
    def __init__(self, rng: random.Random, today: date | None = None):
        self.rng, self.today = rng, today or date.today()
        self._families = [f for f, _ in FAMILY]
        self._weights = [w for _, w in FAMILY]

    def person(self) -> PersonInput:
        r = self.rng
        sex = r.choice(("Nam", "Nữ"))
        born = date(1950, 1, 1) + timedelta(days=r.randrange(365 * 55))
        born = min(born, self.today - timedelta(days=365 * 16))
        name = " ".join(
            (
                r.choices(self._families, self._weights)[0],
                r.choice(MIDDLE[sex]),
                r.choice(GIVEN[sex]),
            )
        )
        return PersonInput(
            full_name=name,
            id_number=self.id_number(born, sex),
            date_of_birth=born,
            sex=sex,
            address=self.address(),
            phone=self.phone(),
            email="" if r.random() < 0.6 else f"cd{r.randrange(10**6)}@example.vn",
        )

    def id_number(self, born: date, sex: str) -> str:
        """Province, century+sex digit (1900s 0/1, 2000s 2/3; even = male), year, 6 random."""
        century = (born.year - 1900) // 100 * 2 + (0 if sex == "Nam" else 1)
        return (
            f"{self.rng.choice(HOME)}{century}{born.year % 100:02d}{self.rng.randrange(10**6):06d}"
        )

    def phone(self) -> str:
        number = f"{self.rng.choice(MOBILE)}{self.rng.randrange(10**7):07d}"
        return f"{number[:4]} {number[4:7]} {number[7:]}" if self.rng.random() < 0.5 else number

    def address(self) -> str:
        r = self.rng
        return f"{r.randrange(1, 300)} {r.choice(STREETS)}, {r.choice(WARDS)}, Thành phố Huế"

    def tax_code(self) -> str:
        while True:
            first = f"33{self.rng.randrange(1, 10**7):07d}"  # 33: Thừa Thiên Huế
            check = tax_check_digit(first)
            if check is not None:
                return f"{first}{check}"

    def organisation(self) -> OrganisationInput:
        name = self.rng.choice(COMPANY).format(
            n=self.rng.choice(("Hương Giang", "Phú Xuân", "Ngự Bình", "Thuận An"))
        )
        return OrganisationInput(
            name=name, tax_code=self.tax_code(), address=self.address(), phone=self.phone()
        )

    def request(self, procedure_code: str, has_papers: bool) -> IntakeRequest:
        """One dossier as typed at the counter; a tenth are filed for an organisation."""
        r = self.rng
        req = IntakeRequest(
            procedure_code=procedure_code,
            submitter=self.person(),
            papers=None if has_papers else list(GENERIC_PAPERS),
            sets=1 if r.random() < 0.9 else 2,
        )
        if r.random() < 0.1:
            req.applicant_kind, req.owner_is_submitter = "organisation", False
            req.owner_organisation = self.organisation()
        if r.random() < 0.2:
            req.delivery_method, req.delivery_address = "post", req.submitter.address
        return req
