package org.climagrad.scm;

import java.util.ArrayList;
import java.util.List;

/**
 * The FaIR 2.x simple climate model with every species of a FaIR configuration (Leach et al. 2021,
 * GMD 14, 3007; Smith et al. 2024, fair-calibrate v1.4.1), in double precision on the CPU. One
 * year per step, in FaIR's order:
 *
 * <ol>
 *   <li>gas cycles: for each greenhouse gas the boxes R_i of partition fraction a_i and lifetime
 *       α τ_i, R_i ← a_i (E − E₀) α τ_i (1 − e^{−1/(α τ_i)}) + R_i e^{−1/(α τ_i)}, C = C₀ + c_E Σ R_i,
 *       where α = g0 exp(iIRF100 / g1) with iIRF100 = r0 + r_u (G − G_a) + r_T T + r_a G_a (capped
 *       at 100 yr; CO2's airborne-fraction feedback), except CH4, whose α follows its chemistry
 *       (Thornhill et al. 2021): ln α = Σ ln(1 + s_j ΔE_j) + Σ ln(1 + s_j ΔC_j) + ln(1 + s_T T);</li>
 *   <li>EESC = Σ (n_Cl + 45 n_Br) f_r C over the halogenated gases (Newman et al. 2007);</li>
 *   <li>forcing: CO2, CH4 and N2O after Meinshausen et al. (2020) less their value at the
 *       baseline concentrations, minor greenhouse gases linear in concentration, aerosol-radiation
 *       linear in emissions and concentrations, aerosol-cloud −β ln(1 + Σ s_i E_i) less its
 *       baseline, ozone linear in emissions, concentrations and EESC, light-absorbing particles on
 *       snow linear in BC, stratospheric water vapour linear in CH4, land use linear in cumulative
 *       AFOLU CO2, solar and volcanic prescribed and scaled; each calculated forcing times
 *       (1 + tropospheric adjustment) × forcing scale, plus the temperature feedback of ozone;</li>
 *   <li>the three-layer energy balance model with FaIR's autocorrelated forcing state (Cummins et
 *       al. 2020), stepped exactly over the year with the efficacy-weighted forcing.</li>
 * </ol>
 *
 * <p>As in FaIR (commit c361625), the aerosol-radiation and aerosol-cloud terms of EESC are
 * evaluated before that year's EESC exists and so do not contribute; the calibration was made that
 * way, and this class keeps it. Deterministic runs only (the stochastic EBM is not yet here).
 * Immutable; build with {@link #builder()}.
 */
public final class Fair {
    /** FaIR's cap on iIRF100, yr. */
    public static final double IIRF_MAX = 100;
    /** Ratio of bromine's to chlorine's ozone-depletion potential in EESC. */
    public static final double BR_CL_RATIO = 45;
    /** Mass of the atmosphere, kg (FaIR's constant). */
    public static final double MASS_ATMOSPHERE = 5.1352e18;
    /** Molecular weight of dry air, g mol⁻¹. */
    public static final double MOLECULAR_WEIGHT_AIR = 28.97;

    // Meinshausen et al. (2020), Table 3 (FaIR's defaults).
    private static final double A1 = -2.4785e-07;
    private static final double B1 = 0.00075906;
    private static final double C1 = -0.0021492;
    private static final double D1 = 5.2488;
    private static final double A2 = -0.00034197;
    private static final double B2 = 0.00025455;
    private static final double C2 = -0.00024357;
    private static final double D2 = 0.12173;
    private static final double A3 = -8.9603e-05;
    private static final double B3 = -0.00012462;
    private static final double D3 = 0.045194;

    private final FairSpeciesTable species;
    private final FairMember member;
    private final double[][] p;
    private final double[] scale;
    private final double[] cpe;
    private final double[] ghgOffset;
    private final double[][] ebm;
    private final double[] ebmForcing;
    private final int[] ghg;
    private final int[] emitted;
    private final int co2;
    private final int co2Ffi;
    private final int co2Afolu;
    private final int ch4;
    private final int n2o;
    private final int eesc;
    private final int ari;
    private final int aci;
    private final int ozone;
    private final int lapsi;
    private final int h2o;
    private final int landUse;
    private final int solar;
    private final int volcanic;
    private final double solarScale;
    // The species of each sum with a coefficient that is neither zero nor NaN (NaN and zero terms add nothing,
    // FaIR's nansum): the same sums over a handful of species instead of all.
    private final int[] ariFromEmissions;
    private final int[] ariFromConcentration;
    private final int[] aciFromEmissions;
    private final int[] aciFromConcentration;
    private final int[] halogens;
    private final int[] ozoneFromEmissions;
    private final int[] ozoneFromConcentration;
    private final int[] lapsiSpecies;
    private final int[] landUseSpecies;
    private final int[] stratSpecies;
    private final int[] varyingAlpha;
    private final double volcanicScale;

    private Fair(Builder b) {
        species = b.species;
        member = b.member;
        int n = species.size();
        p = species.properties();
        for (FairMember.Override o : member.overrides()) {
            if (o.species() == null) {
                for (double[] row : p) {
                    row[o.property().ordinal()] = o.value();
                }
            } else if (species.names().contains(o.species())) {
                p[species.index(o.species())][o.property().ordinal()] = o.value();
            }
        }
        co2 = species.indexOf(FairSpeciesType.CO2);
        co2Ffi = species.indexOf(FairSpeciesType.CO2_FFI);
        co2Afolu = species.indexOf(FairSpeciesType.CO2_AFOLU);
        ch4 = species.indexOf(FairSpeciesType.CH4);
        n2o = species.indexOf(FairSpeciesType.N2O);
        eesc = species.indexOf(FairSpeciesType.EESC);
        ari = species.indexOf(FairSpeciesType.ARI);
        aci = species.indexOf(FairSpeciesType.ACI);
        ozone = species.indexOf(FairSpeciesType.OZONE);
        lapsi = species.indexOf(FairSpeciesType.LAPSI);
        h2o = species.indexOf(FairSpeciesType.H2O_STRATOSPHERIC);
        landUse = species.indexOf(FairSpeciesType.LAND_USE);
        solar = species.indexOf(FairSpeciesType.SOLAR);
        volcanic = species.indexOf(FairSpeciesType.VOLCANIC);
        List<Integer> g = new ArrayList<>();
        List<Integer> e = new ArrayList<>();
        scale = new double[n];
        cpe = new double[n];
        for (int s = 0; s < n; s++) {
            if (species.inputMode(s) == FairSpeciesTable.InputMode.CONCENTRATION) {
                throw new IllegalArgumentException("species: " + species.names().get(s)
                        + " is concentration-driven; only emission-driven runs are supported");
            }
            if (species.greenhouseGas(s)) {
                g.add(s);
            }
            if (species.inputMode(s) == FairSpeciesTable.InputMode.EMISSIONS) {
                e.add(s);
            }
            scale[s] = get(s, FairProperty.FORCING_SCALE) * (1 + get(s, FairProperty.TROPOSPHERIC_ADJUSTMENT));
            double mw = get(s, FairProperty.MOLECULAR_WEIGHT);
            cpe[s] = mw > 0 ? 1 / (MASS_ATMOSPHERE / 1e18 * mw / MOLECULAR_WEIGHT_AIR) : 0;
        }
        ghg = g.stream().mapToInt(Integer::intValue).toArray();
        emitted = e.stream().mapToInt(Integer::intValue).toArray();
        solarScale = get(solar, FairProperty.FORCING_SCALE);
        volcanicScale = get(volcanic, FairProperty.FORCING_SCALE);
        double[] base = new double[n];
        for (int s = 0; s < n; s++) {
            base[s] = get(s, FairProperty.BASELINE_CONCENTRATION);
        }
        ghgOffset = new double[n];
        greenhouseForcing(base, ghgOffset);
        java.util.function.IntPredicate chemE = species::chemistryFromEmissions;
        java.util.function.IntPredicate chemC = q -> species.chemistryFromConcentration(q) && !species.chemistryFromEmissions(q);
        ariFromEmissions = where(n, chemE, FairProperty.ERFARI_RADIATIVE_EFFICIENCY);
        ariFromConcentration = where(n, chemC.and(q -> q != eesc), FairProperty.ERFARI_RADIATIVE_EFFICIENCY);
        aciFromEmissions = where(n, chemE, FairProperty.ACI_SHAPE);
        aciFromConcentration = where(n, chemC.and(q -> q != eesc), FairProperty.ACI_SHAPE);
        ozoneFromConcentration = where(n, species::chemistryFromConcentration, FairProperty.OZONE_RADIATIVE_EFFICIENCY);
        ozoneFromEmissions = where(n, chemE.and(q -> !species.chemistryFromConcentration(q)),
                FairProperty.OZONE_RADIATIVE_EFFICIENCY);
        halogens = java.util.Arrays.stream(ghg).filter(q -> {
            double w = (get(q, FairProperty.CL_ATOMS) + BR_CL_RATIO * get(q, FairProperty.BR_ATOMS))
                    * get(q, FairProperty.FRACTIONAL_RELEASE);
            return w != 0 && !Double.isNaN(w);
        }).toArray();
        java.util.function.IntPredicate isEmitted = q -> species.inputMode(q) == FairSpeciesTable.InputMode.EMISSIONS;
        lapsiSpecies = where(n, isEmitted, FairProperty.LAPSI_RADIATIVE_EFFICIENCY);
        landUseSpecies = where(n, isEmitted, FairProperty.LAND_USE_CUMULATIVE_EMISSIONS_TO_FORCING);
        stratSpecies = where(n, species::greenhouseGas, FairProperty.H2O_STRATOSPHERIC_FACTOR);
        varyingAlpha = java.util.Arrays.stream(ghg).filter(q -> q == ch4 || get(q, FairProperty.IIRF_UPTAKE) != 0
                || get(q, FairProperty.IIRF_TEMPERATURE) != 0 || get(q, FairProperty.IIRF_AIRBORNE) != 0).toArray();
        double[][] d = discretise(member.climate());
        ebm = new double[4][4];
        ebmForcing = new double[4];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(d[i], 0, ebm[i], 0, 4);
            ebmForcing[i] = d[i][4];
        }
    }

    /** The species passing {@code filter} whose property {@code q} is neither zero nor NaN. */
    private int[] where(int n, java.util.function.IntPredicate filter, FairProperty q) {
        return java.util.stream.IntStream.range(0, n).filter(filter)
                .filter(k -> get(k, q) != 0 && !Double.isNaN(get(k, q))).toArray();
    }

    private double get(int s, FairProperty q) {
        return p[s][q.ordinal()];
    }

    /**
     * exp of [[A, b], [0, 0]] for FaIR's EBM state (F_s, T1, T2, T3): the one-year transition and,
     * in the last column, A⁻¹(e^A − I) b, the response to a forcing held over the year.
     */
    static double[][] discretise(FairMember.Climate c) {
        return ThreeLayerEbm.expm(generator(c), 1);
    }

    /** The species configuration. */
    public FairSpeciesTable species() {
        return species;
    }

    /** The member. */
    public FairMember member() {
        return member;
    }

    /** The value of a property of species {@code s} for this member (defaults with its overrides). */
    public double property(int s, FairProperty q) {
        return get(s, q);
    }

    /** Equilibrium climate sensitivity F4x / (2 κ1), K. */
    public double ecs() {
        return member.climate().ecs();
    }

    /**
     * Transient climate response, K: surface warming after ln 2 / ln 1.01 ≈ 69.7 years of a forcing
     * rising linearly to F4x / 2 (the 1 %/yr CO2 experiment), FaIR's definition, from the exact
     * solution of the EBM (the forcing state included).
     */
    public double tcr() {
        FairMember.Climate c = member.climate();
        double years = ThreeLayerEbm.DOUBLING_YEARS;
        // d/dt (F_s, T1, T2, T3, F, 1) with F rising at F2x / years: exact over the ramp.
        double[][] m = new double[6][6];
        double[][] a = generator(c);
        for (int i = 0; i < 4; i++) {
            System.arraycopy(a[i], 0, m[i], 0, 5);
        }
        m[4][5] = c.forcing4co2() / 2 / years;
        return ThreeLayerEbm.expm(m, years)[1][5];
    }

    /**
     * The generator [[A, b], [0, 0]] of FaIR's EBM state (F_s, T1, T2, T3) and the forcing F:
     * dF_s/dt = γ (F − F_s), C1 dT1/dt = F_s − κ1 T1 − κ2 (T1 − T2), C2 dT2/dt = κ2 (T1 − T2) −
     * ε κ3 (T2 − T3), C3 dT3/dt = κ3 (T2 − T3).
     */
    private static double[][] generator(FairMember.Climate c) {
        double[] cap = c.heatCapacity();
        double[] k = c.heatTransfer();
        double eps = c.deepOceanEfficacy();
        double gamma = c.gammaAutocorrelation();
        double[][] m = new double[5][5];
        m[0][0] = -gamma;
        m[0][4] = gamma;
        m[1][0] = 1 / cap[0];
        m[1][1] = -(k[0] + k[1]) / cap[0];
        m[1][2] = k[1] / cap[0];
        m[2][1] = k[1] / cap[1];
        m[2][2] = -(k[1] + eps * k[2]) / cap[1];
        m[2][3] = eps * k[2] / cap[1];
        m[3][2] = k[2] / cap[2];
        m[3][3] = -k[2] / cap[2];
        return m;
    }

    /** GHG forcing of concentrations {@code c} (Meinshausen et al. 2020), scaled, into {@code out}. */
    private void greenhouseForcing(double[] c, double[] out) {
        double co2c = c[co2];
        double ch4c = c[ch4];
        double n2oc = c[n2o];
        double co2r = get(co2, FairProperty.FORCING_REFERENCE_CONCENTRATION);
        double ch4r = get(ch4, FairProperty.FORCING_REFERENCE_CONCENTRATION);
        double n2or = get(n2o, FairProperty.FORCING_REFERENCE_CONCENTRATION);
        double caMax = co2r - B1 / (2 * A1);
        double alphaP;
        if (co2c <= co2r) {
            alphaP = D1;
        } else if (co2c <= caMax) {
            alphaP = D1 + A1 * (co2c - co2r) * (co2c - co2r) + B1 * (co2c - co2r);
        } else {
            alphaP = D1 - B1 * B1 / (4 * A1);
        }
        out[co2] = (alphaP + C1 * Math.sqrt(n2oc)) * StrictMath.log(co2c / co2r) * scale[co2];
        out[ch4] = (A3 * Math.sqrt(ch4c) + B3 * Math.sqrt(n2oc) + D3) * (Math.sqrt(ch4c) - Math.sqrt(ch4r)) * scale[ch4];
        out[n2o] = (A2 * Math.sqrt(co2c) + B2 * Math.sqrt(n2oc) + C2 * Math.sqrt(ch4c) + D2)
                * (Math.sqrt(n2oc) - Math.sqrt(n2or)) * scale[n2o];
        for (int s : ghg) {
            if (s != co2 && s != ch4 && s != n2o) {
                out[s] = (c[s] - get(s, FairProperty.FORCING_REFERENCE_CONCENTRATION))
                        * get(s, FairProperty.GREENHOUSE_GAS_RADIATIVE_EFFICIENCY) * 0.001 * scale[s];
            }
        }
    }

    /**
     * Runs the model over the scenario's years from the 1750 baseline (concentrations at baseline,
     * zero forcing, temperature and cumulative emissions at the first time bound).
     *
     * @throws IllegalArgumentException if the scenario was made for another species configuration
     */
    public FairRun run(FairScenario scenario) {
        return run(scenario, null);
    }

    /**
     * What the adjoint needs of a forward run: per step the boxes, burden, cumulative emission and
     * α of every gas whose α can change (CO2 and CH4 in calibration 1.4.1), at the old bound.
     */
    private static final class Tape {
        final double[][][] boxes;
        final double[][] airborne;
        final double[][] cumulative;
        final double[][] alpha;
        final double[][] rate;

        Tape(int years, int n) {
            boxes = new double[years][n][];
            airborne = new double[years][n];
            cumulative = new double[years][n];
            alpha = new double[years][n];
            rate = new double[years][n];
        }
    }

    private FairRun run(FairScenario scenario, Tape tape) {
        int n = species.size();
        int years = scenario.years();
        int bounds = years + 1;
        double[][] conc = new double[bounds][n];
        double[][] forcing = new double[bounds][n];
        double[][] temperature = new double[bounds][3];
        double[] forcingSum = new double[bounds];
        double[] forcingEff = new double[bounds];
        double[] cumulative = new double[n];
        double[] airborne = new double[n];
        double[][] boxes = new double[n][4];
        double[] state = new double[4];
        double[] c = new double[n];
        double[] baseC = new double[n];
        double[] baseE = new double[n];
        double[] e = new double[n];
        for (int s = 0; s < n; s++) {
            baseC[s] = get(s, FairProperty.BASELINE_CONCENTRATION);
            baseE[s] = get(s, FairProperty.BASELINE_EMISSIONS);
            c[s] = species.greenhouseGas(s) || s == eesc ? baseC[s] : Double.NaN;
        }
        java.util.Arrays.fill(forcing[0], 0);
        conc[0] = c.clone();
        double[][] fraction = new double[n][4];
        double[][] lifetime = new double[n][4];
        double[][] rates = new double[n][4];
        double[][] decays = new double[n][4];
        double[][] gains = new double[n][4];
        double[] lastAlpha = new double[n];
        double[] lastIirf = new double[n];
        java.util.Arrays.fill(lastAlpha, Double.NaN);
        java.util.Arrays.fill(lastIirf, Double.NaN);
        for (int s : ghg) {
            for (int k = 0; k < 4; k++) {
                fraction[s][k] = get(s, FairProperty.values()[FairProperty.PARTITION_FRACTION0.ordinal() + k]);
                lifetime[s][k] = get(s, FairProperty.values()[FairProperty.UNPERTURBED_LIFETIME0.ordinal() + k]);
            }
        }
        double[] ghgF = new double[n];
        double[] alphas = new double[n];
        double ltSens = get(ch4, FairProperty.LIFETIME_TEMPERATURE_SENSITIVITY);
        // species whose emissions or concentration change CH4's lifetime (a zero sensitivity adds ln 1 = 0)
        int[] ch4Chemistry = java.util.stream.IntStream.range(0, n).filter(j -> (species.chemistryFromEmissions(j)
                || species.chemistryFromConcentration(j)) && get(j, FairProperty.CH4_LIFETIME_CHEMICAL_SENSITIVITY) != 0)
                .toArray();
        double aciScale = get(aci, FairProperty.ACI_SCALE);
        double aciBase = 0;
        for (int s = 0; s < n; s++) {
            if (species.chemistryFromEmissions(s)) {
                aciBase = nanAdd(aciBase, get(s, FairProperty.ACI_SHAPE) * baseE[s]);
            } else if (species.chemistryFromConcentration(s) && s != eesc) {
                aciBase = nanAdd(aciBase, get(s, FairProperty.ACI_SHAPE) * baseC[s]);
            }
        }
        aciBase = StrictMath.log(1 + aciBase);
        for (int t = 0; t < years; t++) {
            for (int s : emitted) {
                e[s] = scenario.emission(t, s);
            }
            e[co2] = e[co2Ffi] + e[co2Afolu];
            double t1 = state[1];
            // 1. gas cycles: every α from the state at the old bound, then the boxes
            for (int s : ghg) {
                if (s == ch4) {
                    double log = 0;
                    for (int j : ch4Chemistry) {
                        double sens = get(j, FairProperty.CH4_LIFETIME_CHEMICAL_SENSITIVITY);
                        if (species.chemistryFromEmissions(j)) {
                            log += StrictMath.log(1 + (e[j] - baseE[j]) * sens);
                        } else {
                            log += StrictMath.log(1 + (c[j] - baseC[j]) * sens);
                        }
                    }
                    log += StrictMath.log(1 + t1 * ltSens);
                    alphas[s] = StrictMath.exp(log);
                } else {
                    double iirf = get(s, FairProperty.IIRF_0)
                            + get(s, FairProperty.IIRF_UPTAKE) * (cumulative[s] - airborne[s])
                            + get(s, FairProperty.IIRF_TEMPERATURE) * t1 + get(s, FairProperty.IIRF_AIRBORNE) * airborne[s];
                    iirf = Math.min(iirf, IIRF_MAX);
                    if (iirf != lastIirf[s]) { // constant for gases without feedbacks: computed once
                        double alpha = get(s, FairProperty.G0) * StrictMath.exp(iirf / get(s, FairProperty.G1));
                        lastIirf[s] = iirf;
                        alphas[s] = Double.isNaN(alpha) ? 1 : alpha;
                    }
                }
            }
            if (tape != null) {
                for (int s : varyingAlpha) {
                    tape.boxes[t][s] = boxes[s].clone();
                    tape.airborne[t][s] = airborne[s];
                    tape.cumulative[t][s] = cumulative[s];
                    tape.alpha[t][s] = alphas[s];
                }
            }
            for (int s : ghg) {
                double alpha = alphas[s];
                double[] a = fraction[s];
                double[] rate = rates[s];
                double[] decay = decays[s];
                if (alpha != lastAlpha[s]) { // the decay of every box, recomputed only when α changes
                    for (int k = 0; k < 4; k++) {
                        rate[k] = 1 / (alpha * lifetime[s][k]);
                        decay[k] = StrictMath.exp(-rate[k]);
                        gains[s][k] = gain(rate[k]);
                    }
                    lastAlpha[s] = alpha;
                }
                double anomaly = e[s] - baseE[s];
                double sum = 0;
                double[] box = boxes[s];
                for (int k = 0; k < 4; k++) {
                    if (a[k] == 0 && box[k] == 0) {
                        continue;
                    }
                    box[k] = a[k] * anomaly * gains[s][k] + box[k] * decay[k];
                    sum += box[k];
                }
                airborne[s] = sum;
                c[s] = baseC[s] + cpe[s] * sum;
            }
            for (int s : emitted) {
                cumulative[s] += e[s];
            }
            cumulative[co2] += e[co2];
            // 2.-3. forcing at the new bound (EESC of the new bound comes after the aerosol terms, as in FaIR)
            double[] f = forcing[t + 1];
            java.util.Arrays.fill(f, Double.NaN);
            greenhouseForcing(c, ghgF);
            for (int s : ghg) {
                f[s] = ghgF[s] - ghgOffset[s];
            }
            double ariSum = 0;
            double aciSum = 0;
            for (int s : ariFromEmissions) {
                ariSum = nanAdd(ariSum, (e[s] - baseE[s]) * get(s, FairProperty.ERFARI_RADIATIVE_EFFICIENCY));
            }
            for (int s : ariFromConcentration) {
                ariSum = nanAdd(ariSum, (c[s] - baseC[s]) * get(s, FairProperty.ERFARI_RADIATIVE_EFFICIENCY));
            }
            for (int s : aciFromEmissions) {
                aciSum = nanAdd(aciSum, get(s, FairProperty.ACI_SHAPE) * e[s]);
            }
            for (int s : aciFromConcentration) {
                aciSum = nanAdd(aciSum, get(s, FairProperty.ACI_SHAPE) * c[s]);
            }
            f[ari] = ariSum * scale[ari];
            f[aci] = (aciScale * StrictMath.log(1 + aciSum) - aciScale * aciBase) * scale[aci];
            double eescNew = 0;
            for (int s : halogens) {
                double w = (get(s, FairProperty.CL_ATOMS) + BR_CL_RATIO * get(s, FairProperty.BR_ATOMS))
                        * get(s, FairProperty.FRACTIONAL_RELEASE);
                eescNew = nanAdd(eescNew, w * c[s]);
            }
            c[eesc] = eescNew;
            double o3 = 0;
            double lap = 0;
            double lu = 0;
            double strat = 0;
            for (int s : ozoneFromConcentration) {
                o3 += (c[s] - baseC[s]) * get(s, FairProperty.OZONE_RADIATIVE_EFFICIENCY);
            }
            for (int s : ozoneFromEmissions) {
                o3 += (e[s] - baseE[s]) * get(s, FairProperty.OZONE_RADIATIVE_EFFICIENCY);
            }
            for (int s : lapsiSpecies) {
                lap = nanAdd(lap, (e[s] - baseE[s]) * get(s, FairProperty.LAPSI_RADIATIVE_EFFICIENCY));
            }
            for (int s : landUseSpecies) {
                lu = nanAdd(lu, cumulative[s] * get(s, FairProperty.LAND_USE_CUMULATIVE_EMISSIONS_TO_FORCING));
            }
            for (int s : stratSpecies) {
                strat = nanAdd(strat, (c[s] - baseC[s]) * get(s, FairProperty.H2O_STRATOSPHERIC_FACTOR));
            }
            f[ozone] = o3 * scale[ozone];
            f[lapsi] = lap * scale[lapsi];
            f[landUse] = lu * scale[landUse];
            f[h2o] = strat * scale[h2o];
            f[solar] = scenario.solar(t + 1) * solarScale;
            f[volcanic] = scenario.volcanic(t + 1) * volcanicScale;
            double total = 0;
            double effective = 0;
            for (int s = 0; s < n; s++) {
                if (!Double.isNaN(f[s])) {
                    f[s] += t1 * get(s, FairProperty.FORCING_TEMPERATURE_FEEDBACK);
                    total += f[s];
                    effective += f[s] * get(s, FairProperty.FORCING_EFFICACY);
                }
            }
            forcingSum[t + 1] = total;
            forcingEff[t + 1] = effective;
            // 4. energy balance
            double[] next = new double[4];
            for (int i = 0; i < 4; i++) {
                double v = ebmForcing[i] * effective;
                for (int j = 0; j < 4; j++) {
                    v += ebm[i][j] * state[j];
                }
                next[i] = v;
            }
            state = next;
            System.arraycopy(state, 1, temperature[t + 1], 0, 3);
            conc[t + 1] = c.clone();
            if (!Double.isFinite(total) || !Double.isFinite(state[1])) {
                throw new IllegalStateException("FaIR run of scenario '" + scenario.name() + "', member "
                        + member.id() + ": non-finite forcing or temperature in year " + (scenario.firstYear() + t)
                        + " (forcing " + total + " W m-2, T " + state[1] + " K)");
            }
        }
        return new FairRun(species, scenario.name(), member.id(), scenario.firstYear(), conc, forcing,
                temperature, forcingSum, forcingEff);
    }

    /**
     * The gradient of J = Σ_b w_b T(b) (surface temperature at the time bounds, weighted) with
     * respect to every emission of the scenario, by the adjoint of {@link #run} (reverse sweep
     * through every step: EBM, forcing of every class, EESC, gas boxes, CO2's airborne-fraction
     * feedback and CH4's lifetime chemistry). Costs about two forward runs.
     *
     * @param scenario the scenario
     * @param weights w_b on the {@code years + 1} time bounds (finite), e.g. 1/20 on 2081-2100
     * @return J and ∂J/∂E {@code [years][species]} in K per unit of emission (0 for species not emission-driven)
     */
    public Gradient gradient(FairScenario scenario, double[] weights) {
        int n = species.size();
        int years = scenario.years();
        if (weights.length != years + 1) {
            throw new IllegalArgumentException("weights: need " + (years + 1) + " time bounds, got " + weights.length);
        }
        for (int b = 0; b < weights.length; b++) {
            if (!Double.isFinite(weights[b])) {
                throw new IllegalArgumentException("weights[" + b + "]: need a finite value, got " + weights[b]);
            }
        }
        Tape tape = new Tape(years, n);
        FairRun run = run(scenario, tape);
        double value = 0;
        for (int b = 0; b <= years; b++) {
            value += weights[b] * run.surfaceTemperature(b);
        }
        boolean[] varying = new boolean[n];
        for (int q : varyingAlpha) {
            varying[q] = true;
        }
        double[][] constRate = new double[n][4];
        double[][] constDecay = new double[n][4];
        double[][] constGain = new double[n][4];
        for (int q : ghg) {
            if (!varying[q]) {
                double iirf = Math.min(get(q, FairProperty.IIRF_0), IIRF_MAX);
                double alpha = get(q, FairProperty.G0) * StrictMath.exp(iirf / get(q, FairProperty.G1));
                alpha = Double.isNaN(alpha) ? 1 : alpha;
                for (int k = 0; k < 4; k++) {
                    constRate[q][k] = 1 / (alpha * lifetimeOf(q, k));
                    constDecay[q][k] = StrictMath.exp(-constRate[q][k]);
                    constGain[q][k] = gain(constRate[q][k]);
                }
            }
        }
        double ltSens = get(ch4, FairProperty.LIFETIME_TEMPERATURE_SENSITIVITY);
        int[] ch4Chemistry = java.util.stream.IntStream.range(0, n).filter(j -> (species.chemistryFromEmissions(j)
                || species.chemistryFromConcentration(j)) && get(j, FairProperty.CH4_LIFETIME_CHEMICAL_SENSITIVITY) != 0)
                .toArray();
        double aciScale = get(aci, FairProperty.ACI_SCALE);
        double[][] grad = new double[years][n];
        double[] lx = new double[4];
        double[][] lbox = new double[n][4];
        double[] lair = new double[n];
        double[] lcum = new double[n];
        double[] lcNext = new double[n];
        double[] e = new double[n];
        double[] baseE = new double[n];
        double[] baseC = new double[n];
        for (int q = 0; q < n; q++) {
            baseE[q] = get(q, FairProperty.BASELINE_EMISSIONS);
            baseC[q] = get(q, FairProperty.BASELINE_CONCENTRATION);
        }
        double[] cNew = new double[n];
        double[] cOld = new double[n];
        // second buffers, swapped with the first each step
        double[] lxB = new double[4];
        double[][] lboxB = new double[n][4];
        double[] lairB = new double[n];
        double[] lcumB = new double[n];
        double[] lcB = new double[n];
        double[] lF = new double[n];
        double[] lc = new double[n];
        double[] le = new double[n];
        double[] rateV = new double[4];
        double[] decayV = new double[4];
        double[] gainV = new double[4];
        for (int t = years - 1; t >= 0; t--) {
            lx[1] += weights[t + 1];
            java.util.Arrays.fill(e, 0);
            for (int q : emitted) {
                e[q] = scenario.emission(t, q);
            }
            e[co2] = e[co2Ffi] + e[co2Afolu];
            for (int q = 0; q < n; q++) {
                cNew[q] = run.concentration(t + 1, q);
                cOld[q] = run.concentration(t, q);
            }
            double t1 = run.surfaceTemperature(t);
            // energy balance: x' = D x + fd F_eff
            double leff = 0;
            double[] lxOld = lxB;
            java.util.Arrays.fill(lxOld, 0);
            for (int i = 0; i < 4; i++) {
                leff += ebmForcing[i] * lx[i];
                for (int j = 0; j < 4; j++) {
                    lxOld[j] += ebm[i][j] * lx[i];
                }
            }
            java.util.Arrays.fill(lF, 0);
            double lT1 = 0;
            for (int q = 0; q < n; q++) {
                if (!Double.isNaN(run.forcing(t + 1, q))) {
                    lF[q] = leff * get(q, FairProperty.FORCING_EFFICACY);
                    lT1 += lF[q] * get(q, FairProperty.FORCING_TEMPERATURE_FEEDBACK);
                }
            }
            System.arraycopy(lcNext, 0, lc, 0, n);
            java.util.Arrays.fill(le, 0);
            greenhouseAdjoint(cNew, lF, lc);
            for (int q : ariFromEmissions) {
                le[q] += lF[ari] * get(q, FairProperty.ERFARI_RADIATIVE_EFFICIENCY) * scale[ari];
            }
            for (int q : ariFromConcentration) {
                lc[q] += lF[ari] * get(q, FairProperty.ERFARI_RADIATIVE_EFFICIENCY) * scale[ari];
            }
            double sum = 0;
            for (int q : aciFromEmissions) {
                sum += get(q, FairProperty.ACI_SHAPE) * e[q];
            }
            for (int q : aciFromConcentration) {
                sum += get(q, FairProperty.ACI_SHAPE) * cNew[q];
            }
            double lS = lF[aci] * aciScale * scale[aci] / (1 + sum);
            for (int q : aciFromEmissions) {
                le[q] += lS * get(q, FairProperty.ACI_SHAPE);
            }
            for (int q : aciFromConcentration) {
                lc[q] += lS * get(q, FairProperty.ACI_SHAPE);
            }
            for (int q : ozoneFromConcentration) {
                lc[q] += lF[ozone] * get(q, FairProperty.OZONE_RADIATIVE_EFFICIENCY) * scale[ozone];
            }
            for (int q : ozoneFromEmissions) {
                le[q] += lF[ozone] * get(q, FairProperty.OZONE_RADIATIVE_EFFICIENCY) * scale[ozone];
            }
            for (int q : lapsiSpecies) {
                le[q] += lF[lapsi] * get(q, FairProperty.LAPSI_RADIATIVE_EFFICIENCY) * scale[lapsi];
            }
            double[] lcumOld = lcumB;
            System.arraycopy(lcum, 0, lcumOld, 0, n);
            for (int q : landUseSpecies) {
                lcumOld[q] += lF[landUse] * get(q, FairProperty.LAND_USE_CUMULATIVE_EMISSIONS_TO_FORCING) * scale[landUse];
            }
            for (int q : stratSpecies) {
                lc[q] += lF[h2o] * get(q, FairProperty.H2O_STRATOSPHERIC_FACTOR) * scale[h2o];
            }
            for (int h : halogens) {
                lc[h] += (get(h, FairProperty.CL_ATOMS) + BR_CL_RATIO * get(h, FairProperty.BR_ATOMS))
                        * get(h, FairProperty.FRACTIONAL_RELEASE) * lc[eesc];
            }
            // cumulative' = cumulative + e (the same adjoint for the old cumulative)
            for (int q : emitted) {
                le[q] += lcumOld[q];
            }
            le[co2] += lcumOld[co2];
            double[] lairOld = lairB;
            java.util.Arrays.fill(lairOld, 0);
            double[][] lboxOld = lboxB;
            for (double[] row : lboxOld) {
                java.util.Arrays.fill(row, 0);
            }
            double[] lcOld = lcB;
            java.util.Arrays.fill(lcOld, 0);
            for (int q : ghg) {
                double lAir = lair[q] + cpe[q] * lc[q];
                double[] rate = varying[q] ? null : constRate[q];
                double[] decay = varying[q] ? null : constDecay[q];
                double[] gainK = varying[q] ? gainV : constGain[q];
                double alpha = varying[q] ? tape.alpha[t][q] : 0;
                if (varying[q]) {
                    rate = rateV;
                    decay = decayV;
                    for (int k = 0; k < 4; k++) {
                        rate[k] = 1 / (alpha * lifetimeOf(q, k));
                        decay[k] = StrictMath.exp(-rate[k]);
                        gainK[k] = gain(rate[k]);
                    }
                }
                double anomaly = e[q] - baseE[q];
                double lAlpha = 0;
                for (int k = 0; k < 4; k++) {
                    double a = fractionOf(q, k);
                    double old = varying[q] ? tape.boxes[t][q][k] : Double.NaN;
                    if (a == 0 && (!varying[q] || old == 0 && lbox[q][k] == 0)) { // a box that stays empty
                        continue;
                    }
                    double lb = lbox[q][k] + lAir;
                    lboxOld[q][k] = lb * decay[k];
                    le[q] += lb * a * gainK[k];
                    if (varying[q]) {
                        double r = rate[k];
                        double d = decay[k];
                        double lr = lb * (a * anomaly * gainDerivative(r) - old * d);
                        lAlpha += lr * (-r / alpha);
                    }
                }
                if (!varying[q] || lAlpha == 0) {
                    continue;
                }
                if (q == ch4) {
                    double lL = lAlpha * alpha;
                    for (int j : ch4Chemistry) {
                        double sens = get(j, FairProperty.CH4_LIFETIME_CHEMICAL_SENSITIVITY);
                        if (species.chemistryFromEmissions(j)) {
                            le[j] += lL * sens / (1 + (e[j] - baseE[j]) * sens);
                        } else {
                            lcOld[j] += lL * sens / (1 + (cOld[j] - baseC[j]) * sens);
                        }
                    }
                    lT1 += lL * ltSens / (1 + t1 * ltSens);
                } else {
                    double ru = get(q, FairProperty.IIRF_UPTAKE);
                    double rt = get(q, FairProperty.IIRF_TEMPERATURE);
                    double ra = get(q, FairProperty.IIRF_AIRBORNE);
                    double iirf = get(q, FairProperty.IIRF_0) + ru * (tape.cumulative[t][q] - tape.airborne[t][q])
                            + rt * t1 + ra * tape.airborne[t][q];
                    double raw = get(q, FairProperty.G0) * StrictMath.exp(Math.min(iirf, IIRF_MAX) / get(q, FairProperty.G1));
                    if (iirf < IIRF_MAX && !Double.isNaN(raw)) {
                        double lI = lAlpha * alpha / get(q, FairProperty.G1);
                        lcumOld[q] += lI * ru;
                        lairOld[q] += lI * (ra - ru);
                        lT1 += lI * rt;
                    }
                }
            }
            for (int q : emitted) {
                grad[t][q] = le[q];
            }
            grad[t][co2Ffi] += le[co2];
            grad[t][co2Afolu] += le[co2];
            lxOld[1] += lT1;
            lxB = lx;
            lx = lxOld;
            lboxB = lbox;
            lbox = lboxOld;
            lairB = lair;
            lair = lairOld;
            lcumB = lcum;
            lcum = lcumOld;
            lcB = lcNext;
            lcNext = lcOld;
        }
        return new Gradient(value, grad);
    }

    /**
     * (1 − e^{−r}) / r, the share of a year's emission left in a box of decay rate r at the year's
     * end, without the cancellation of 1 − e^{−r} for slow boxes (CO2's box of 10⁹ years: r ≈
     * 10⁻⁹, where FaIR's 1 − exp(−r) keeps 7 digits and makes the run jitter in the 10th digit).
     */
    static double gain(double r) {
        return -StrictMath.expm1(-r) / r;
    }

    /** d/dr of {@link #gain}: (r e^{−r} − (1 − e^{−r})) / r², by its series below r = 10⁻³. */
    static double gainDerivative(double r) {
        if (r < 1e-3) {
            return -0.5 + r / 3 - r * r / 8 + r * r * r / 30;
        }
        return (r * StrictMath.exp(-r) + StrictMath.expm1(-r)) / (r * r);
    }

    private double fractionOf(int s, int k) {
        return get(s, FairProperty.values()[FairProperty.PARTITION_FRACTION0.ordinal() + k]);
    }

    private double lifetimeOf(int s, int k) {
        return get(s, FairProperty.values()[FairProperty.UNPERTURBED_LIFETIME0.ordinal() + k]);
    }

    /** Adds ∂(GHG forcing)/∂c weighted by the forcing adjoints {@code lF} to {@code lc}. */
    private void greenhouseAdjoint(double[] c, double[] lF, double[] lc) {
        double co2c = c[co2];
        double ch4c = c[ch4];
        double n2oc = c[n2o];
        double co2r = get(co2, FairProperty.FORCING_REFERENCE_CONCENTRATION);
        double ch4r = get(ch4, FairProperty.FORCING_REFERENCE_CONCENTRATION);
        double n2or = get(n2o, FairProperty.FORCING_REFERENCE_CONCENTRATION);
        double caMax = co2r - B1 / (2 * A1);
        double alphaP;
        double dAlphaP;
        if (co2c <= co2r) {
            alphaP = D1;
            dAlphaP = 0;
        } else if (co2c <= caMax) {
            alphaP = D1 + A1 * (co2c - co2r) * (co2c - co2r) + B1 * (co2c - co2r);
            dAlphaP = 2 * A1 * (co2c - co2r) + B1;
        } else {
            alphaP = D1 - B1 * B1 / (4 * A1);
            dAlphaP = 0;
        }
        double sn = Math.sqrt(n2oc);
        double sm = Math.sqrt(ch4c);
        double sc = Math.sqrt(co2c);
        double log = StrictMath.log(co2c / co2r);
        double f = lF[co2] * scale[co2];
        lc[co2] += f * (dAlphaP * log + (alphaP + C1 * sn) / co2c);
        lc[n2o] += f * C1 / (2 * sn) * log;
        double g = lF[ch4] * scale[ch4];
        double m = A3 * sm + B3 * sn + D3;
        lc[ch4] += g * (A3 / (2 * sm) * (sm - Math.sqrt(ch4r)) + m / (2 * sm));
        lc[n2o] += g * B3 / (2 * sn) * (sm - Math.sqrt(ch4r));
        double h = lF[n2o] * scale[n2o];
        double k = A2 * sc + B2 * sn + C2 * sm + D2;
        double dn = sn - Math.sqrt(n2or);
        lc[co2] += h * A2 / (2 * sc) * dn;
        lc[ch4] += h * C2 / (2 * sm) * dn;
        lc[n2o] += h * (B2 / (2 * sn) * dn + k / (2 * sn));
        for (int s : ghg) {
            if (s != co2 && s != ch4 && s != n2o) {
                lc[s] += lF[s] * get(s, FairProperty.GREENHOUSE_GAS_RADIATIVE_EFFICIENCY) * 0.001 * scale[s];
            }
        }
    }

    /**
     * J and its gradient with respect to the emissions.
     *
     * @param value J
     * @param emissions ∂J/∂E {@code [years][species]}
     */
    public record Gradient(double value, double[][] emissions) {
        /** Copies. */
        public Gradient {
            emissions = copy(emissions);
        }

        /** ∂J/∂E (a copy). */
        @Override
        public double[][] emissions() {
            return copy(emissions);
        }

        /** ∂J/∂E of species {@code s} in year index {@code t}. */
        public double emission(int t, int s) {
            return emissions[t][s];
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /** sum + term, skipping a NaN term (FaIR's nansum over species: NaN marks a property that does not apply). */
    private static double nanAdd(double sum, double term) {
        return Double.isNaN(term) ? sum : sum + term;
    }

    /** A builder: {@code setSpecies} and {@code setMember} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Fair}. */
    public static final class Builder {
        private FairSpeciesTable species;
        private FairMember member;

        private Builder() {}

        /** The species configuration (required). */
        public Builder setSpecies(FairSpeciesTable species) {
            this.species = species;
            return this;
        }

        /** The calibrated member whose climate and overrides to use (required). */
        public Builder setMember(FairMember member) {
            this.member = member;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the missing field or a species a run needs
         */
        public Fair build() {
            if (species == null) {
                throw new IllegalArgumentException("species: required (FairSpeciesTable.read)");
            }
            if (member == null) {
                throw new IllegalArgumentException("member: required (FairMember.readEnsemble)");
            }
            return new Fair(this);
        }
    }
}
