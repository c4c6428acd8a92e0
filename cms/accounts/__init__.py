"""The person's own account: two-factor authentication, the processing notice and
"Dữ liệu của tôi" (issue 15, SECURITY.md).

- ``twofactor``: TOTP on django-otp, required for anyone with Wagtail admin access,
  optional for members; ten one-time recovery codes; an admin resets a user's devices.
- ``notice``: the personal-data processing notice every member acknowledges once per
  version (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).
- ``personal_data``: everything the site holds about one member, to show and download.
- ``middleware``: sends an unverified staff session to the code page and a member who has
  not acknowledged the notice to it.

It composes the domain apps (members, meetings, study) from above; none of them imports it.
"""
