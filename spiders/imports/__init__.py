"""Importing review exports (CSV, JSON, JSON Lines, YAML) into the raw item contract.

``import_file(settings, portal=..., file_path=..., run_date=..., mapping=None)`` reads
an export by a mapping (``config/import_mappings/*.yaml``) or, without one, by the
mapping it infers from the file (``infer_mapping``); ``to_yaml`` writes a mapping back
as YAML to look at, edit and save. See ``docs/importing.md``.

Files: ``rows``/``formats``/``csvrows`` read bytes safely; ``paths`` finds values in
nested records; ``mapping`` is the mapping language; ``fields``/``shapes``/``infer``
infer a mapping; ``items`` makes one raw item of one record; ``run`` is the import.
"""

from spiders.imports.infer import infer_mapping
from spiders.imports.mapping import Mapping, load_mapping, mapping_from_dict, to_yaml
from spiders.imports.run import ImportReport, import_file, mapping_for

__all__ = [
    "ImportReport",
    "Mapping",
    "import_file",
    "infer_mapping",
    "load_mapping",
    "mapping_for",
    "mapping_from_dict",
    "to_yaml",
]
