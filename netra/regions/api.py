"""GET /api/v1/regions and /api/v1/regions/{code}: public, read-only."""

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from netra.regions import services
from netra.regions.models import Level, Region

router = Router(tags=["wilayah"])


class RegionOut(Schema):
    code: str
    name: str
    display_name: str
    level: Level
    parent_code: str | None = Field(None, alias="parent_id")


class RegionFilter(Schema):
    q: str | None = Field(None, max_length=100, description='Free text: "Kalbar", "Kab. Bogor", "Pagaralam".')
    level: Level | None = Field(None, description="province, regency, city, district, village, urban_village")
    parent: str | None = Field(None, max_length=13, pattern=r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


@router.get("", response=list[RegionOut], summary="Daftar wilayah")
@paginate(PageNumberPagination, page_size=50)
def list_regions(request, filters: Query[RegionFilter]):
    if filters.parent and not Region.objects.filter(code=filters.parent).exists():
        raise HttpError(404, f"Wilayah induk dengan kode {filters.parent} tidak ditemukan.")
    if filters.q:
        return services.search_regions(filters.q, filters.level, filters.parent)
    regions = Region.objects.all()
    if filters.level:
        regions = regions.filter(level=filters.level)
    if filters.parent:
        regions = regions.filter(parent_id=filters.parent)
    elif not filters.level:
        regions = regions.filter(parent__isnull=True)
    return regions.order_by("code")


@router.get("/{code}", response=RegionOut, summary="Satu wilayah menurut kode Kemendagri")
def get_region(request, code: str):
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise HttpError(404, f"Wilayah dengan kode {code!r} tidak ditemukan.")
    return region
