import wagtail_factories

from .models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Sổ tay đảng viên điện tử"
