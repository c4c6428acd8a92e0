from wagtail import hooks


@hooks.register("register_log_actions")
def register_import_actions(actions):
    actions.register_action(
        "content_import.import", "Nhập nội dung", "Nhập từ tệp JSONL của sổ tay cũ"
    )
    actions.register_action(
        "content_import.held",
        "Giữ bản nháp khi nhập",
        "Nhập thành bản nháp vì bộ lọc bí mật nhà nước có phát hiện",
    )
