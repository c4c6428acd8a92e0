"""The relevance set: (query, slugs that answer it). The first listed is the best answer."""

PUBLIC_QUERIES = [
    # Accents, none, upper case
    ("sổ tay đảng viên điện tử", ["de-an-04"]),
    ("so tay dang vien dien tu", ["de-an-04"]),
    ("SỔ TAY ĐẢNG VIÊN", ["de-an-04"]),
    ("nghị quyết sinh hoạt chi bộ", ["nq-12", "hoc-nq-12"]),
    ("nghi quyet sinh hoat chi bo", ["nq-12", "hoc-nq-12"]),
    ("bí mật nhà nước", ["ct-05"]),
    ("bi mat nha nuoc", ["ct-05"]),
    ("không gian mạng", ["ct-05"]),
    ("ban bien tap", ["qd-215"]),
    ("kết nạp đảng viên", ["hd-07", "tin-ket-nap"]),
    ("ket nap dang vien moi", ["hd-07", "tin-ket-nap"]),
    ("phòng chống thiên tai", ["kh-88"]),
    ("thien tai cuu nan", ["kh-88"]),
    ("chuyển đổi số", ["tin-chuyen-doi-so"]),
    ("chuyen doi so", ["tin-chuyen-doi-so"]),
    ("học bổng học sinh nghèo", ["tin-khuyen-hoc"]),
    ("hoc bong", ["tin-khuyen-hoc"]),
    ("môi trường ven sông", ["tin-moi-truong"]),
    ("cuu chien binh", ["tin-cuu-chien-binh"]),
    ("an ninh trật tự", ["tin-an-ninh"]),
    ("quy che lam viec", ["qc-02"]),
    ("kinh tế tư nhân", ["hoc-kinh-te"]),
    ("dao duc ho chi minh", ["hoc-xay-dung-dang"]),
    # Accent-exact first: bán before bàn and the reverse
    ("bán", ["tin-phien-cho", "bc-150"]),
    ("bàn ghế", ["tin-ban-ghe"]),
    ("mua bán tài sản", ["bc-150"]),
    # Old and new tone placement, eth
    ("thủy lợi", ["tin-thuy-loi", "kh-88"]),
    ("thuỷ lợi", ["tin-thuy-loi", "kh-88"]),
    ("sức khỏe cán bộ hưu trí", ["tb-31"]),
    ("sức khoẻ cán bộ hưu trí", ["tb-31"]),
    ("hòa giải", ["kl-09"]),
    ("hoà giải", ["kl-09"]),
    ("Phường Hoà Bình", ["tin-hoa-binh"]),
    ("Ðề án sổ tay", ["de-an-04"]),
    # Document numbers however typed
    ("04-ĐA/TU", ["de-an-04"]),
    ("04 DA TU", ["de-an-04"]),
    ("04-da/tu", ["de-an-04"]),
    ("12-NQ/TU", ["nq-12", "hoc-nq-12"]),
    ("215 qd tu", ["qd-215"]),
    ("07-HD/BTCTU", ["hd-07"]),
    ("88-KH/TU", ["kh-88"]),
    # Phrases
    ('"sinh hoạt chi bộ"', ["nq-12", "hoc-nq-12"]),
    ('"hoc tap nghi quyet"', ["hoc-kinh-te", "hoc-nq-12"]),
    ('"cham soc suc khoe"', ["tb-31", "tin-suc-khoe"]),
    # One unmatched word does not empty the result
    ("bảo vệ bí mật nhà nước xyzabc", ["ct-05"]),
    ("thiên tai lũ lụt qwerty", ["kh-88"]),
    # Metadata: issuing body and type
    ("ban to chuc tinh uy huong dan", ["hd-07"]),
]

MEMBER_QUERIES = [
    ("bản tin nội bộ 03/2025", ["bt-nd-03-2025"]),
    ("ban tin noi bo so 04", ["bt-nd-04-2025"]),
]
