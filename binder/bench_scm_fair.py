"""FaIR v2.2.3's own timing for `bench scm`: one 751-year run (one member, one pathway) and the
calibrated ensemble (841 members x 7 pathways), deterministic, 1750-2500, as in FaIR's
calibrated_constrained_ensemble example. Needs FaIR importable (`pip install fair==2.2.3`, or
CLIMAGRAD_FAIR_SRC=<a FaIR checkout>/src) and the data folder as the first argument. Prints
`scm-fair single s <t>` and `scm-fair ensemble s <t>`."""
import os
import sys
import time

if os.environ.get("CLIMAGRAD_FAIR_SRC"):
    sys.path.insert(0, os.environ["CLIMAGRAD_FAIR_SRC"])
import pandas as pd  # noqa: E402
from fair import FAIR  # noqa: E402
from fair.interface import fill, initialise  # noqa: E402
from fair.io import read_properties  # noqa: E402

data = sys.argv[1]
SCENARIOS = ["verylow", "verylow-overshoot", "low", "medium-overshoot", "medium-extension", "high-overshoot",
             "high-extension"]


def run(n_members, scenarios):
    props = f"{data}/fair/species_configs_properties_calibration1.4.1.csv"
    params = f"{data}/fair/calibrated_constrained_parameters_calibration1.4.1.csv"
    f = FAIR(ch4_method="Thornhill2021")
    f.define_time(1750, 2500, 1)
    f.define_scenarios(scenarios)
    df = pd.read_csv(params, index_col=0).iloc[:n_members]
    f.define_configs(df.index)
    species, properties = read_properties(filename=props)
    f.define_species(species, properties)
    f.allocate()
    f.fill_from_csv(emissions_file=f"{data}/scenarios/extensions_1750-2500.csv",
                    forcing_file=f"{data}/fair/volcanic_solar.csv")
    for agent in ("Volcanic", "Solar"):
        fill(f.forcing, f.forcing.sel(specie=agent) * df[f"forcing_scale[{agent}]"].values.squeeze(), specie=agent)
    f.fill_species_configs(props)
    f.override_defaults(params)
    fill(f.climate_configs["stochastic_run"], False)
    initialise(f.concentration, f.species_configs["baseline_concentration"])
    initialise(f.forcing, 0)
    initialise(f.temperature, 0)
    initialise(f.cumulative_emissions, 0)
    initialise(f.airborne_emissions, 0)
    initialise(f.ocean_heat_content_change, 0)
    t0 = time.perf_counter()
    f.run(progress=False)
    return time.perf_counter() - t0


single = min(run(1, ["medium-extension"]) for _ in range(3))
print(f"scm-fair single s {single:.4f}")
print(f"scm-fair ensemble s {run(841, SCENARIOS):.2f}")
