"""GET /api/v1/agencies: the agencies the caller's scope covers."""

from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import django_auth

from netra.accounts.scoping import get_visible_or_404
from netra.registry.models import Agency

router = Router(tags=["instansi"], auth=django_auth)


class AgencyOut(Schema):
    id: int
    name: str
    kind: str
    region_code: str | None = Field(None, alias="region_id")
    ppk_title: str
    ppk_office: str


@router.get("", response=list[AgencyOut], summary="Instansi dalam cakupan pengguna")
@paginate(PageNumberPagination, page_size=50)
def list_agencies(request):
    return Agency.objects.visible_to(request.user).order_by("name")


@router.get("/{int:agency_id}", response=AgencyOut, summary="Satu instansi")
def get_agency(request, agency_id: int):
    return get_visible_or_404(Agency.objects, request.user, pk=agency_id)
