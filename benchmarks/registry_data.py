"""Builds a registry of N clusters with 3 estimates each, for the web and API benchmark."""

from __future__ import annotations

import random

from django.db import transaction

from clusterdev.geography.models import District
from clusterdev.registry.choices import Typology, size_band
from clusterdev.registry.models import Cluster, Estimate, NicCode, Source

PRODUCTS = [
    ("knitwear", "1430"),
    ("glassware", "2310"),
    ("brass parts", "2599"),
    ("rice milling", "1061"),
    ("leather footwear", "1520"),
    ("pumps", "2813"),
    ("handloom sarees", "1312"),
    ("block printing", "1313"),
    ("software services", "6201"),
    ("foundry castings", "2431"),
    ("furniture", "3100"),
    ("ceramics", "2393"),
    ("auto components", "2930"),
    ("food processing", "1079"),
]


@transaction.atomic
def build(clusters: int = 10_000, estimates_per_cluster: int = 3, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    districts = list(District.objects.select_related("state").order_by("code"))
    source = Source.objects.create(key="bench-survey", title="Benchmark survey", year=2024)
    nic = {code for code in NicCode.objects.values_list("code", flat=True)}
    typologies = list(Typology.values)
    rows = []
    places = []
    for index in range(clusters):
        product, code = rng.choice(PRODUCTS)
        chosen = rng.sample(districts, rng.choice([1, 1, 1, 2]))
        units = int(rng.lognormvariate(5.5, 1.2))
        name = f"{chosen[0].name} {product} {index}"
        text = " ".join([name, product, *(d.name for d in chosen), *(d.state.name for d in chosen)])
        rows.append(
            Cluster(
                name=name.title(),
                slug=f"bench-{index}",
                product=product.capitalize(),
                typology=rng.choice(typologies),
                status="verified",
                source=source,
                headline_units=units,
                headline_employment=units * rng.randint(3, 12),
                size_band=size_band(units),
                search_text=text.lower(),
            )
        )
        places.append((chosen, code))
    Cluster.objects.bulk_create(rows, batch_size=2000)
    saved = {c.slug: c for c in Cluster.objects.filter(slug__startswith="bench-")}
    through_d = Cluster.districts.through
    through_n = Cluster.nic_codes.through
    links_d, links_n, estimates = [], [], []
    for index, (chosen, code) in enumerate(places):
        cluster = saved[f"bench-{index}"]
        links_d += [through_d(cluster_id=cluster.pk, district_id=d.pk) for d in chosen]
        if code in nic:
            links_n.append(through_n(cluster_id=cluster.pk, niccode_id=code))
        for year in range(estimates_per_cluster):
            estimates.append(
                Estimate(
                    cluster=cluster,
                    source=source,
                    year=2015 + year * 3,
                    units=max(1, cluster.headline_units + rng.randint(-50, 50)),
                    employment=cluster.headline_employment,
                    method="benchmark",
                    is_preferred=year == estimates_per_cluster - 1,
                    preferred_reason="latest" if year == estimates_per_cluster - 1 else "",
                )
            )
    through_d.objects.bulk_create(links_d, batch_size=5000)
    through_n.objects.bulk_create(links_n, batch_size=5000)
    Estimate.objects.bulk_create(estimates, batch_size=5000)
    return {"clusters": len(rows), "estimates": len(estimates)}
