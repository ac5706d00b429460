"""Writes fair-v2.2.3-parity.csv: FaIR's own outputs for five calibrated members on the seven CMIP7
draft pathways, the reference of the toolkit's FairParityTest. Needs FaIR v2.2.3 importable (its
package `fair`: `pip install fair==2.2.3`, or PYTHONPATH=<a FaIR checkout>/src) with numpy, pandas,
scipy, xarray; the data from ../shared/data. Usage: python3 make_parity.py SHARED_DATA OUT.csv"""
import sys

import numpy as np
import pandas as pd
from fair import FAIR
from fair.interface import fill, initialise
from fair.io import read_properties

data, out = sys.argv[1], sys.argv[2]
props = f"{data}/fair/species_configs_properties_calibration1.4.1.csv"
params = f"{data}/fair/calibrated_constrained_parameters_calibration1.4.1.csv"
scenarios = ["verylow", "verylow-overshoot", "low", "medium-overshoot", "medium-extension",
             "high-overshoot", "high-extension"]
rows = [0, 1, 2, 420, 840]
f = FAIR(ch4_method="Thornhill2021")
f.define_time(1750, 2500, 1)
f.define_scenarios(scenarios)
df = pd.read_csv(params, index_col=0).iloc[rows]
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
fill(f.climate_configs["stochastic_run"], False)  # deterministic runs
initialise(f.concentration, f.species_configs["baseline_concentration"])
initialise(f.forcing, 0)
initialise(f.temperature, 0)
initialise(f.cumulative_emissions, 0)
initialise(f.airborne_emissions, 0)
initialise(f.ocean_heat_content_change, 0)
f.run(progress=False)
years = [1850, 1900, 1950, 2000, 2020, 2050, 2100, 2150, 2200, 2300, 2400, 2500]
lines = ["scenario,member,year,surface_temperature_K,co2_ppm,ch4_ppb,n2o_ppb,eesc_ppt,erf_total,erf_aerosol,erf_ozone"]
for i, s in enumerate(scenarios):
    for j, m in enumerate(df.index):
        for y in years:
            sel = dict(timebounds=y, scenario=s, config=m)
            c = f.concentration.loc[sel]
            fo = f.forcing.loc[sel]
            lines.append(",".join([s, str(m), str(y)] + [f"{v:.8g}" for v in (
                float(f.temperature.loc[sel].sel(layer=0)), float(c.sel(specie="CO2")), float(c.sel(specie="CH4")),
                float(c.sel(specie="N2O")),
                float(c.sel(specie="Equivalent effective stratospheric chlorine")), float(f.forcing_sum.loc[sel]),
                float(fo.sel(specie="Aerosol-radiation interactions") + fo.sel(specie="Aerosol-cloud interactions")),
                float(fo.sel(specie="Ozone")))]))
with open(out, "w") as fh:
    fh.write("\n".join(lines) + "\n")
