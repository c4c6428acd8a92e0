from django.contrib.auth import views as auth_views


class MemberLoginView(auth_views.LoginView):
    template_name = "members/login.html"
    redirect_authenticated_user = True


class MemberLogoutView(auth_views.LogoutView):
    pass
