import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from cms.members.choices import Position
from cms.members.factories import MemberFactory

from .choices import MeetingKind
from .models import AgendaItem, Meeting, Motion, MotionOption


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    cell = factory.LazyAttribute(lambda o: o.chair.cell if o.chair else None)
    kind = MeetingKind.REGULAR
    topic = factory.Sequence(lambda n: f"Sinh hoạt chi bộ số {n}")
    date = factory.LazyFunction(timezone.localdate)
    start_time = datetime.time(8, 0)
    place = "Hội trường văn hóa ấp 1"
    chair = factory.SubFactory(MemberFactory, position=Position.SECRETARY)
    recorder = factory.SubFactory(MemberFactory, cell=factory.SelfAttribute("..chair.cell"))


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Nội dung {n}")


class MotionFactory(DjangoModelFactory):
    class Meta:
        model = Motion

    meeting = factory.SubFactory(MeetingFactory)
    question = "Thông qua nghị quyết chi bộ tháng này"

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        labels = extracted or ["Tán thành", "Không tán thành"]
        for i, label in enumerate(labels):
            MotionOption.objects.create(motion=self, order=i, label=label)
