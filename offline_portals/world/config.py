"""The tracked-companies config of a world: what ``config/companies.yaml`` holds for the
default world, and what the demo, tests and bench write for theirs."""

from __future__ import annotations

from offline_portals.world.routes import company_path
from offline_portals.world.world import World


def companies_config(world: World, base_url: str = "${RUF_PORTALS_URL}") -> dict:
    """The tracked-companies config for this world (what `config/companies.yaml` holds)."""
    out = []
    for c in world.companies():
        out.append(
            {
                "company_id": c.company_id,
                "name": c.name,
                "domain": c.domain,
                "industry": c.industry,
                "aliases": sorted({n for n in c.portal_names.values() if n != c.name}),
                "portals": {
                    p: {"id": pid, "url": base_url + company_path(p, pid)}
                    for p, pid in c.portal_ids.items()
                },
            }
        )
    return {"companies": out}
