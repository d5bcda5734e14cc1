// The one table of translations: every word salesfab shows a person, in English and Dutch.
// A test checks that every metric, unit, platform and trace event has both.

#include "analysis/present/words.hpp"

#include "analysis/present/numbers.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace salesfab::present {

namespace {

struct Entry {
  const char *key;
  const char *en;
  const char *nl;
};

// clang-format off
constexpr Entry table[] = {
    // The RKK model and the platforms.
    {"richting", "Richting (direction)", "Richting"},
    {"kwaliteit", "Kwaliteit (quality)", "Kwaliteit"},
    {"kwantiteit", "Kwantiteit (quantity)", "Kwantiteit"},
    {"platform.market", "market platform", "marktplatform"},
    {"platform.buying", "buying platform", "koopplatform"},
    {"platform.work", "work platform", "werkplatform"},
    // Table headings and phrases.
    {"metric", "metric", "maatstaf"},
    {"mean", "mean", "gemiddelde"},
    {"ci_low", "ci low", "bi laag"},
    {"ci_high", "ci high", "bi hoog"},
    {"unit", "unit", "eenheid"},
    {"clipped_note", "\u2020 the interval is clipped at the metric's natural bound (a count is never below 0, a share never above 1); result files keep the plain t-interval",
     "\u2020 het interval is afgekapt op de natuurlijke grens van de maatstaf (een aantal is nooit onder 0, een aandeel nooit boven 1); de resultaatbestanden houden het gewone t-interval"},
    {"variant", "variant", "variant"},
    {"base", "base", "basis"},
    {"alternative", "alternative", "alternatief"},
    {"difference", "difference", "verschil"},
    {"day", "day", "dag"},
    {"replications", "replications", "replicaties"},
    {"horizon", "horizon", "horizon"},
    {"warmup", "warm-up", "aanloop"},
    {"days", "days", "dagen"},
    {"confidence_intervals", "confidence intervals", "betrouwbaarheidsintervallen"},
    {"minus", "minus", "min"},
    {"side_by_side", "Side by side (means; * marks the best: highest revenue, won and customers, lowest churn)",
     "Naast elkaar (gemiddelden; * markeert de beste: hoogste omzet, gewonnen deals en klanten, laagste churn)"},
    {"paired_note", "paired over {n} replications with the same seeds; {c}% confidence intervals; * marks a difference whose interval excludes 0",
     "gepaard over {n} replicaties met dezelfde seeds; {c}%-betrouwbaarheidsintervallen; * markeert een verschil waarvan het interval 0 uitsluit"},
    {"paired_note_other_seeds", "paired over {n} replications by their index, with different seeds: the differences include luck; {c}% confidence intervals; * marks a difference whose interval excludes 0",
     "gepaard over {n} replicaties op volgnummer, met verschillende seeds: de verschillen bevatten toeval; {c}%-betrouwbaarheidsintervallen; * markeert een verschil waarvan het interval 0 uitsluit"},
    {"one_sided_note", "Not compared, only one side has them:", "Niet vergeleken, want maar aan een kant aanwezig:"},
    {"won_back_note_equal", "Suspects per year include the customers won back, who return to the market;\nthe first contacts (suspects minus won back) are the same in both, replication by replication.",
     "Suspects per jaar tellen de teruggewonnen klanten mee, die terugkeren naar de markt;\nde eerste contacten (suspects min teruggewonnen) zijn in beide gelijk, replicatie voor replicatie."},
    {"won_back_note", "Suspects per year include the customers won back, who return to the market.",
     "Suspects per jaar tellen de teruggewonnen klanten mee, die terugkeren naar de markt."},
    {"run_note", "{n} replications, horizon {h} days, warm-up {w} days, {c}% confidence intervals",
     "{n} replicaties, horizon {h} dagen, aanloop {w} dagen, {c}%-betrouwbaarheidsintervallen"},
    // --precision: how precise the answer is.
    {"precision.met", "replicated until precise enough: every watched metric's {c}% interval within ±{r}% of its mean after {n} replications (a look-ahead of at least 5 confirmed it)",
     "gerepliceerd tot nauwkeurig genoeg: het {c}%-interval van elke gevolgde maatstaf binnen ±{r}% van het gemiddelde na {n} replicaties (bevestigd over minstens 5 extra)"},
    {"precision.missed", "stopped at the maximum of {n} replications before every watched metric's {c}% interval was within ±{r}% of its mean",
     "gestopt bij het maximum van {n} replicaties voordat het {c}%-interval van elke gevolgde maatstaf binnen ±{r}% van het gemiddelde lag"},
    {"precision.reached", "precision reached", "bereikte nauwkeurigheid"},
    {"precision.target_met", "met", "gehaald"},
    {"precision.target_missed", "not met", "niet gehaald"},
    {"precision.not_judged", "not judged: its mean is 0 or it has no value", "niet beoordeeld: het gemiddelde is 0 of er is geen waarde"},
    // salesfab optimize.
    {"optimize.heading", "Optimisation: {direction} {objective} over {n} designs, {c}% confidence",
     "Optimalisatie: {direction} {objective} over {n} ontwerpen, {c}% betrouwbaarheid"},
    {"optimize.minimize", "minimize", "minimaliseer"},
    {"optimize.maximize", "maximize", "maximaliseer"},
    {"optimize.subject_to", "subject to", "met de eisen"},
    {"optimize.chosen", "Chosen design", "Gekozen ontwerp"},
    {"optimize.none", "No design meets every requirement.", "Geen ontwerp haalt alle eisen."},
    {"optimize.designs", "Designs (the chosen one, then as good but costlier, worse, infeasible, screened out)",
     "Ontwerpen (het gekozen, dan even goed maar duurder, slechter, onhaalbaar, afgevallen)"},
    {"optimize.status", "outcome", "uitkomst"},
    {"optimize.why", "why", "waarom"},
    {"optimize.status.chosen", "chosen", "gekozen"},
    {"optimize.status.equally_good", "as good, costlier", "even goed, duurder"},
    {"optimize.status.dominated", "worse", "slechter"},
    {"optimize.status.infeasible", "infeasible", "onhaalbaar"},
    {"optimize.status.screened", "screened out", "afgevallen"},
    {"optimize.status.runaway", "runaway", "ontspoord"},
    {"optimize.reason.chosen", "the cheapest staffing within delta of the best", "de goedkoopste bezetting binnen delta van de beste"},
    {"optimize.reason.equally_good", "within delta of the chosen design, but costlier", "binnen delta van het gekozen ontwerp, maar duurder"},
    {"optimize.reason.dominated", "worse than another feasible design by more than delta (out after {r} replications)",
     "slechter dan een ander haalbaar ontwerp, met meer dan delta (afgevallen na {r} replicaties)"},
    {"optimize.reason.dominated_late", "worse than the chosen design by more than delta", "slechter dan het gekozen ontwerp, met meer dan delta"},
    {"optimize.reason.infeasible", "{requirement} is not met (mean {mean})", "{requirement} wordt niet gehaald (gemiddelde {mean})"},
    {"optimize.reason.screened", "{queue}: {load} people's worth of work arrives for {staff}: the queue grows without bound (theory; not simulated)",
     "{queue}: er komt werk voor {load} mensen binnen voor {staff}: de wachtrij groeit zonder grens (theorie; niet gesimuleerd)"},
    {"optimize.reason.runaway", "a replication stopped at a guard: {error}", "een replicatie stopte bij een grens: {error}"},
    {"optimize.summary", "{n} designs: {feasible} feasible, {infeasible} infeasible, of which {screened} screened out by theory without a run, {runaway} runaways; {r} replications used (a first stage of {n0} each, more only where designs were close)",
     "{n} ontwerpen: {feasible} haalbaar, {infeasible} onhaalbaar, waarvan {screened} zonder simulatie afgevallen door de theorie, {runaway} ontspoord; {r} replicaties gebruikt (eerst {n0} per ontwerp, meer alleen waar ontwerpen dicht bij elkaar lagen)"},
    {"optimize.guarantee", "Guarantee (Batur and Kim's feasibility check, then Kim and Nelson's KN selection, common random numbers): with probability at least {c}%, every design called feasible meets each requirement up to its tolerance, every design called infeasible misses one by more than that, and the chosen design's objective is within delta = {delta} of the best feasible design's; among designs within delta the cheapest staffing is chosen.",
     "Garantie (de haalbaarheidstoets van Batur en Kim, dan de KN-selectie van Kim en Nelson, gemeenschappelijke toevalsgetallen): met een kans van minstens {c}% haalt elk haalbaar genoemd ontwerp elke eis op de tolerantie na, mist elk onhaalbaar genoemd ontwerp er een met meer dan die tolerantie, en ligt de doelwaarde van het gekozen ontwerp binnen delta = {delta} van die van het beste haalbare ontwerp; binnen delta wint de goedkoopste bezetting."},
    {"optimize.more", "... and {n} more designs (--out DIR writes them all to designs.csv)",
     "... en nog {n} ontwerpen (--out DIR schrijft ze allemaal naar designs.csv)"},
    // salesfab analyze.
    {"analyze.title", "theory beside simulation", "theorie naast simulatie"},
    {"analyze.note", "{n} replications; the simulation's {c}% confidence intervals", "{n} replicaties; {c}%-betrouwbaarheidsintervallen van de simulatie"},
    {"analyze.where", "where", "waar"},
    {"analyze.theory", "theory", "theorie"},
    {"analyze.simulation", "simulation", "simulatie"},
    {"analyze.verdict", "verdict", "oordeel"},
    {"analyze.agrees", "agrees", "klopt"},
    {"analyze.close", "close", "dichtbij"},
    {"analyze.differs", "differs", "wijkt af"},
    {"analyze.not_applicable", "theory not applicable", "theorie niet van toepassing"},
    {"analyze.no_simulation", "no simulated value", "geen gesimuleerde waarde"},
    {"analyze.too_few", "no verdict: needs 2 replications", "geen oordeel: vraagt 2 replicaties"},
    {"analyze.too_few_note", "A verdict needs at least 2 replications (one replication has no confidence interval): run with --replications 2 or more.",
     "Een oordeel vraagt minstens 2 replicaties (een enkele replicatie heeft geen betrouwbaarheidsinterval): draai met --replications 2 of meer."},
    {"analyze.no_steady_state", "no steady state", "geen evenwicht"},
    {"analyze.unsettled_no_staff", "{queue}: no steady state: nobody is employed to serve the queue, so it only grows and L and lambda W need not agree",
     "{queue}: geen evenwicht: er is niemand in dienst om de wachtrij te bedienen, dus die groeit alleen en L en lambda W hoeven niet overeen te komen"},
    {"analyze.unsettled_overloaded", "{queue}: no steady state: work for {load} people arrives, {staff} are employed and nobody leaves unserved, so the queue grows without end and L and lambda W need not agree",
     "{queue}: geen evenwicht: er komt werk voor {load} mensen binnen, {staff} zijn in dienst en niemand vertrekt onbediend, dus de wachtrij groeit zonder eind en L en lambda W hoeven niet overeen te komen"},
    {"analyze.approximation", "approximation", "benadering"},
    {"analyze.exact", "exact", "exact"},
    {"analyze.holds", "holds", "klopt"},
    {"analyze.queue", "queue", "wachtrij"},
    {"analyze.qualifiers", "qualifiers", "kwalificeerders"},
    {"analyze.account executives", "account executives", "account executives"},
    {"analyze.little", "Little's law on each queue: the time-average number waiting (L) against arrivals x mean wait (lambda W)",
     "De wet van Little per wachtrij: het gemiddeld aantal wachtenden (L) tegen aankomsten x gemiddelde wachttijd (lambda W)"},
    {"analyze.how", "How theory got each value:", "Hoe de theorie aan elke waarde komt:"},
    {"analyze.cannot", "Where theory cannot say (the simulation's answer stands alone):", "Waar de theorie niets over zegt (het antwoord van de simulatie staat alleen):"},
    {"analyze.nothing", "(nothing: theory covers every quantity it was asked about)", "(niets: de theorie dekt alles waarnaar gevraagd is)"},
    {"analyze.rest", "and every other metric of `salesfab run`: theory has no model of it here", "en elke andere maatstaf van `salesfab run`: daarvoor heeft de theorie hier geen model"},
    {"analyze.part.market", "market", "markt"},
    {"analyze.part.market: qualifiers", "market: qualifiers", "markt: kwalificeerders"},
    {"analyze.part.buying: shortlist", "buying: shortlist", "koop: shortlist"},
    {"analyze.part.funnel", "funnel", "trechter"},
    {"analyze.part.work: account executives", "work: account executives", "werk: account executives"},
    {"analyze.part.buying: customers", "buying: customers", "koop: klanten"},
    // How theory got a value, or why it has none (analysis/theory: Phrase).
    {"theory.winback_suspects", "won-back customers return as suspects; how many depends on churn",
     "teruggewonnen klanten komen terug als suspects; hoeveel hangt af van de churn"},
    {"theory.poisson_arrivals", "Poisson arrivals: sum of suspects_per_week x 365/7",
     "Poisson-aankomsten: som van suspects_per_week x 365/7"},
    {"theory.pass_weighted", "segments' pass probabilities weighted by their arrival rates",
     "slaagkansen van de segmenten, gewogen naar hun aankomsten"},
    {"theory.qualifiers_change", "qualifier headcount changes during the run: not a steady state",
     "het aantal kwalificeerders verandert tijdens de run: geen evenwicht"},
    {"theory.winback_arrivals", "won-back customers add arrivals at a rate theory does not know",
     "teruggewonnen klanten geven extra aankomsten, in een tempo dat de theorie niet kent"},
    {"theory.no_qualifiers", "no qualifiers: suspects wait until they go cold, or for ever",
     "geen kwalificeerders: suspects wachten tot ze afkoelen, of voor altijd"},
    {"theory.no_effort", "qualifying takes no time",
     "kwalificeren kost geen tijd"},
    {"theory.mmc_d", "M/M/{n}+D (deterministic patience)",
     "M/M/{n}+D (vast geduld)"},
    {"theory.mmc_d_mean_effort", " with the mean effort: patience with non-exponential effort: approximation",
     " met de gemiddelde inspanning: geduld bij niet-exponentiële inspanning: benadering"},
    {"theory.erlang_c", "M/M/{n} (Erlang C)",
     "M/M/{n} (Erlang C)"},
    {"theory.allen_cunneen_qualifiers", "M/G/{n} by Allen-Cunneen (effort is not exponential): approximation",
     "M/G/{n} volgens Allen-Cunneen (de inspanning is niet exponentieel): benadering"},
    {"theory.qualifiers_overloaded", "the qualifiers are overloaded (offered load >= headcount) and nobody goes cold: the queue grows without end",
     "de kwalificeerders zijn overbelast (aangeboden werk >= bezetting) en niemand koelt af: de wachtrij groeit zonder eind"},
    {"theory.steady", ", in steady state",
     ", in evenwicht"},
    {"theory.steady_approximation", ", steady state (the warm-up is shorter than 3 x the time to need: approximation)",
     ", evenwicht (de aanloop is korter dan 3 x de tijd tot behoefte: benadering)"},
    {"theory.qualified_flow", "arrivals x pass x (1 - gone cold)",
     "aankomsten x geslaagd x (1 - afgekoeld)"},
    {"theory.opportunities_flow", "qualified x P(need before drifting away) = qualified x E[exp(-drift x time to need)]",
     "gekwalificeerd x P(behoefte voor wegdrijven) = gekwalificeerd x E[exp(-drift x tijd tot behoefte)]"},
    {"theory.no_qualifier_model", "the qualifiers' queue has no exact model here",
     "de wachtrij van de kwalificeerders heeft hier geen exact model"},
    {"theory.chain", "absorbing Markov chain: N = (I - Q)^-1, B = N R",
     "absorberende Markovketen: N = (I - Q)^-1, B = N R"},
    {"theory.chain_time_losses", "; patience_days or max_age_days also lose deals, which the chain leaves out: approximation",
     "; patience_days of max_age_days verliezen ook deals, die de keten weglaat: benadering"},
    {"theory.chain_existing", " from existing_enter_stage",
     " vanaf existing_enter_stage"},
    {"theory.chain_churn_losses", "; churn and waiting also lose deals: approximation",
     "; churn en wachten verliezen ook deals: benadering"},
    {"theory.conversion_mixed", "new and existing opportunities convert differently here, in a mix that depends on the customer base",
     "nieuwe en bestaande verkoopkansen converteren hier verschillend, in een mengsel dat van het klantenbestand afhangt"},
    {"theory.stage_conversion", "the stage's conversion",
     "de conversie van de fase"},
    {"theory.stage_time_losses", "; patience or max age add losses: approximation",
     "; geduld of maximale leeftijd geven extra verlies: benadering"},
    {"theory.executives_change", "account-executive headcount changes during the run: not a steady state",
     "het aantal account executives verandert tijdens de run: geen evenwicht"},
    {"theory.no_executives", "no account executives",
     "geen account executives"},
    {"theory.intents_add_opportunities", "customers' intents add opportunities at a rate that depends on the customer base",
     "koopwensen van klanten geven extra verkoopkansen, in een tempo dat van het klantenbestand afhangt"},
    {"theory.no_opportunity_model", "the flow of new opportunities has no exact model here",
     "de stroom nieuwe verkoopkansen heeft hier geen exact model"},
    {"theory.funnel_stalled", "no account executives: opportunities wait in the funnel and no deal closes",
     "geen account executives: verkoopkansen wachten in de trechter en geen deal sluit"},
    {"theory.offered_load", "offered load (stage visits x mean effort) / headcount",
     "aangeboden werk (fasebezoeken x gemiddelde inspanning) / bezetting"},
    {"theory.allen_cunneen_executives", "M/G/{n} by Allen-Cunneen (stage visits are not Poisson, efforts differ): approximation",
     "M/G/{n} volgens Allen-Cunneen (fasebezoeken zijn niet Poisson, inspanningen verschillen): benadering"},
    {"theory.executives_overloaded", "the account executives are overloaded (offered load >= headcount)",
     "de account executives zijn overbelast (aangeboden werk >= bezetting)"},
    {"theory.won_flow", "new opportunities x win probability",
     "nieuwe verkoopkansen x winkans"},
    {"theory.revenue_flow", "deals won x the segments' mean deal values",
     "gewonnen deals x de gemiddelde dealwaarde van de segmenten"},
    {"theory.cycle_no_waiting", "the chain's time to absorption given won (no waiting)",
     "de tijd tot absorptie van de keten, gegeven gewonnen (zonder wachten)"},
    {"theory.cycle_with_waiting", "the chain's time to absorption given won, plus the queue's expected waits: approximation",
     "de tijd tot absorptie van de keten, gegeven gewonnen, plus de verwachte wachttijden: benadering"},
    {"theory.customer_deals_mix", "deals from customers mix in, at a rate that depends on the customer base",
     "deals van klanten mengen mee, in een tempo dat van het klantenbestand afhangt"},
    {"theory.churn_by_class", "churn or brickwalling hours differ by class, and a customer's class follows its revenue: no closed form",
     "churn of brickwalling-uren verschillen per klasse, en de klasse van een klant volgt zijn omzet: geen gesloten formule"},
    {"theory.winback_funnel", "won-back customers return through the funnel",
     "teruggewonnen klanten komen terug via de trechter"},
    {"theory.managers_change", "account-manager headcount changes during the run",
     "het aantal account managers verandert tijdens de run"},
    {"theory.churn_constant", "churn x (1 - effect x coverage), coverage constant",
     "churn x (1 - effect x dekking), dekking constant"},
    {"theory.churn_at_start", "churn x (1 - effect x coverage) at the start; coverage rises as customers leave: approximation",
     "churn x (1 - effect x dekking) bij de start; de dekking stijgt als klanten vertrekken: benadering"},
    {"theory.coverage", "account-manager hours / hours needed, at most 1",
     "uren account managers / benodigde uren, hoogstens 1"},
    {"theory.survival", "exponential survival: initial x exp(-effective churn x horizon)",
     "exponentiële overleving: begin x exp(-effectieve churn x horizon)"},
    {"theory.no_churn", "no churn: the base only grows",
     "geen churn: het klantenbestand groeit alleen"},
    {"theory.no_customer_model", "the flow of new customers has no exact model here",
     "de stroom nieuwe klanten heeft hier geen exact model"},
    {"theory.churn_at_balance", "churn x (1 - effect x coverage) at the balance of the base",
     "churn x (1 - effect x dekking) bij het evenwicht van het klantenbestand"},
    {"theory.coverage_at_balance", "account-manager hours / hours needed at the balance of the base, at most 1",
     "uren account managers / benodigde uren bij het evenwicht van het klantenbestand, hoogstens 1"},
    {"theory.mg_infinity", "M/G/infinity: balance = acquisition / effective churn",
     "M/G/oneindig: evenwicht = acquisitie / effectieve churn"},
    {"theory.pass_decay", "; pass x E[2^(-wait / pass_halflife_days)]: the Laplace transform of the wait at ln 2 / half-life",
     "; slagingskans x E[2^(-wachttijd / pass_halflife_days)]: de Laplace-getransformeerde van de wachttijd bij ln 2 / halveringstijd"},
    {"theory.pass_decay_approximation", "; pass x E[2^(-wait / pass_halflife_days)], a wait taken as exponential with the queue's mean: approximation",
     "; slagingskans x E[2^(-wachttijd / pass_halflife_days)], een wachttijd als exponentieel met het gemiddelde van de wachtrij: benadering"},
    {"theory.pass_decay_no_wait", "the chance to pass decays with the wait for a qualifier, and the qualifiers' queue has no model here",
     "de slagingskans neemt af met de wachttijd voor een kwalificeerder, en de wachtrij van de kwalificeerders heeft hier geen model"},
    {"theory.qualified_flow_decay", " x E[2^(-wait / pass_halflife_days)]",
     " x E[2^(-wachttijd / pass_halflife_days)]"},
    {"theory.lost_to_waiting_flow", "served suspects x pass x (1 - E[2^(-wait / pass_halflife_days)])",
     "bediende suspects x slagingskans x (1 - E[2^(-wachttijd / pass_halflife_days)])"},
    {"theory.conversion_decay", "conversion decays with the wait for an account executive (conversion_halflife_days), and that wait's distribution has no model: stage visits are not Poisson, and lost conversions mean fewer visits and shorter waits",
     "de conversie neemt af met de wachttijd voor een account executive (conversion_halflife_days), en de verdeling van die wachttijd heeft geen model: fasebezoeken zijn niet Poisson, en verloren conversies geven minder bezoeken en kortere wachttijden"},
    {"theory.still_growing", "; the base is still growing toward it at the horizon (the pipeline's delay is left out): approximation",
     "; het klantenbestand groeit er bij de horizon nog naartoe (de vertraging van de pijplijn is weggelaten): benadering"},
    // Units.
    {"unit.per year", "per year", "per jaar"},
    {"unit.money per year", "money per year", "geld per jaar"},
    {"unit.money", "money", "geld"},
    {"unit.count", "count", "aantal"},
    {"unit.share", "share", "aandeel"},
    {"unit.%", "%", "%"},
    {"unit.% per year", "% per year", "% per jaar"},
    {"unit.days", "days", "dagen"},
    {"unit.hours per year", "hours per year", "uren per jaar"},
    {"unit.customers per year", "customers per year", "klanten per jaar"},
    {"unit.per customer-year", "per customer-year", "per klantjaar"},
    {"unit.0 or 1", "0 or 1", "0 of 1"},
    // Metrics (metrics.md and salesfab's extensions).
    {"metric.suspects_per_year", "suspects per year", "suspects per jaar"},
    {"metric.qualified_per_year", "qualified per year", "gekwalificeerd per jaar"},
    {"metric.opportunities_per_year", "opportunities per year", "verkoopkansen per jaar"},
    {"metric.opportunities_new_per_year", "opportunities from prospects per year", "verkoopkansen van prospects per jaar"},
    {"metric.opportunities_existing_per_year", "opportunities from customers per year", "verkoopkansen van klanten per jaar"},
    {"metric.won_per_year", "deals won per year", "gewonnen deals per jaar"},
    {"metric.won_new_per_year", "won from prospects per year", "gewonnen van prospects per jaar"},
    {"metric.won_rebuy_per_year", "won by rebuy per year", "gewonnen door herhaalaankoop per jaar"},
    {"metric.won_deep_selling_per_year", "won by deep-selling per year", "gewonnen door deep-selling per jaar"},
    {"metric.won_up_selling_per_year", "won by up-selling per year", "gewonnen door up-selling per jaar"},
    {"metric.won_cross_selling_per_year", "won by cross-selling per year", "gewonnen door cross-selling per jaar"},
    {"metric.lost_per_year", "deals lost per year", "verloren deals per jaar"},
    {"metric.revenue_per_year", "revenue per year", "omzet per jaar"},
    {"metric.margin_per_year", "margin per year", "marge per jaar"},
    {"metric.new_customers_per_year", "new customers per year", "nieuwe klanten per jaar"},
    {"metric.churned_per_year", "customers lost per year", "verloren klanten per jaar"},
    {"metric.customers_end", "customers at the end", "klanten aan het eind"},
    {"metric.customers_a_end", "A customers at the end", "A-klanten aan het eind"},
    {"metric.customers_b_end", "B customers at the end", "B-klanten aan het eind"},
    {"metric.customers_c_end", "C customers at the end", "C-klanten aan het eind"},
    {"metric.prospects_end", "prospects on the shortlist at the end", "prospects op de shortlist aan het eind"},
    {"metric.pipeline_open_end", "open opportunities at the end", "open verkoopkansen aan het eind"},
    {"metric.weighted_pipeline_end", "weighted pipeline at the end", "gewogen pijplijn aan het eind"},
    {"metric.hours_qualifier_per_year", "qualifier hours per year", "uren kwalificeren per jaar"},
    {"metric.hours_account_executive_per_year", "account-executive hours per year", "uren account executives per jaar"},
    {"metric.hours_account_manager_per_year", "account-manager hours per year", "uren accountmanagers per jaar"},
    {"metric.staff_cost_per_year", "staff cost per year", "personeelskosten per jaar"},
    {"metric.lost_to_competitor_per_year", "deals lost to competitors per year", "deals verloren aan concurrenten per jaar"},
    {"metric.lost_no_decision_per_year", "deals ending in no decision per year", "deals zonder beslissing per jaar"},
    {"metric.lost_patience_per_year", "deals lost waiting per year", "deals verloren door wachten per jaar"},
    {"metric.won_back_per_year", "customers won back per year", "teruggewonnen klanten per jaar"},
    {"metric.suspects_lost_to_waiting_per_year", "suspects gone stale waiting per year", "suspects verouderd door wachten per jaar"},
    {"metric.opportunities_lost_to_waiting_per_year", "opportunities gone stale waiting per year", "verkoopkansen verouderd door wachten per jaar"},
    {"metric.qualification_pass_rate", "qualification pass rate", "slagingskans kwalificatie"},
    {"metric.gone_cold_rate", "share of suspects gone cold", "aandeel koud geworden suspects"},
    {"metric.win_rate", "win rate", "winkans"},
    {"metric.win_rate_new", "win rate, prospects", "winkans, prospects"},
    {"metric.win_rate_existing", "win rate, customers", "winkans, klanten"},
    {"metric.avg_deal_value", "average deal value", "gemiddelde dealwaarde"},
    {"metric.margin_pct", "margin", "marge"},
    {"metric.cycle_days_mean", "days to close, mean", "doorlooptijd in dagen, gemiddeld"},
    {"metric.cycle_days_p90", "days to close, 90th percentile", "doorlooptijd in dagen, 90e percentiel"},
    {"metric.wait_qualification_days_mean", "days waiting for a qualifier", "dagen wachten op kwalificatie"},
    {"metric.wait_account_executive_days_mean", "days waiting for an account executive", "dagen wachten op een account executive"},
    {"metric.utilisation_qualifier", "qualifier utilisation", "bezetting kwalificeerders"},
    {"metric.utilisation_account_executive", "account-executive utilisation", "bezetting account executives"},
    {"metric.brickwall_coverage", "brickwall coverage", "dekking brickwalling"},
    {"metric.churn_rate", "churn rate", "churnpercentage"},
    {"metric.revenue_per_account_executive", "revenue per account executive", "omzet per account executive"},
    {"metric.queue_qualifier_mean", "suspects waiting, mean", "wachtende suspects, gemiddeld"},
    {"metric.queue_account_executive_mean", "opportunities waiting, mean", "wachtende verkoopkansen, gemiddeld"},
    {"metric.customer_growth_per_year", "customer growth per year", "klantgroei per jaar"},
    {"metric.revenue_growth_pct_per_year", "revenue growth per year", "omzetgroei per jaar"},
    {"metric.retention_share", "revenue share from customers (retention)", "omzetaandeel van klanten (behoud)"},
    {"metric.a_share_change", "change in the share of A customers", "verandering aandeel A-klanten"},
    {"metric.revenue_target_attainment", "revenue target attained", "omzetdoel gehaald"},
    {"metric.new_customers_target_attainment", "new-customer target attained", "doel nieuwe klanten gehaald"},
    {"metric.churn_target_met", "churn target met", "churndoel gehaald"},
    {"metric.conversion_", "conversion at {stage}", "conversie in {stage}"},
    // Intents and sources.
    {"source.new", "new business", "nieuwe klant"},
    {"source.rebuy", "rebuy", "herhaalaankoop"},
    {"source.deep_selling", "deep-selling", "deep-selling"},
    {"source.up_selling", "up-selling", "up-selling"},
    {"source.cross_selling", "cross-selling", "cross-selling"},
    // Why deals are lost.
    {"reason.competitor", "to a competitor", "aan een concurrent"},
    {"reason.no_decision", "no decision", "geen beslissing"},
    {"reason.patience", "waited too long for an account executive", "te lang gewacht op een account executive"},
    {"reason.max_age", "open too long", "te lang open"},
    {"reason.customer_churned", "the customer left for a competitor", "de klant is naar een concurrent vertrokken"},
    // The journey, one sentence per trace event.
    {"trace.variant_note", "Following variant {i} of the sweep's {n} (counted from 0): {name}; --variant NAME or INDEX follows another",
     "Gevolgd: variant {i} van de {n} van de sweep (geteld vanaf 0): {name}; --variant NAAM of INDEX volgt een andere"},
    {"trace.account_heading", "Account", "Account"},
    {"trace.suspect_arrived", "suspect {account} ({segment}) arrives: first contact", "suspect {account} ({segment}) komt binnen: eerste contact"},
    {"trace.qualification_started", "a qualifier starts qualifying suspect {account}", "een kwalificeerder begint suspect {account} te kwalificeren"},
    {"trace.qualified", "suspect {account} qualified, onto the shortlist", "suspect {account} gekwalificeerd, op de shortlist"},
    {"trace.disqualified", "suspect {account} disqualified: no fit, leaves the factory", "suspect {account} gediskwalificeerd: geen match, verlaat de fabriek"},
    {"trace.gone_cold", "suspect {account} waited too long and went cold", "suspect {account} wachtte te lang en is koud geworden"},
    {"trace.buying_need", "prospect {account} states a buying need: through the filter", "prospect {account} uit een koopbehoefte: door het filter"},
    {"trace.drifted_away", "prospect {account} drifted away from the shortlist", "prospect {account} is van de shortlist afgedreven"},
    {"trace.became_customer", "account {account} is now a customer, class {class} ({how})", "account {account} is nu {class}-klant ({how})"},
    {"trace.became_customer.new", "a new customer", "een nieuwe klant"},
    {"trace.became_customer.again", "a customer again", "weer klant"},
    {"trace.no_such_account", "no account to follow: account {account} does not appear before day {day}", "geen account te volgen: account {account} komt niet voor vóór dag {day}"},
    {"trace.no_suspect", "no account to follow: no suspect arrives before day {day}", "geen account te volgen: er komt geen suspect binnen vóór dag {day}"},
    {"trace.initial_customer", "account {account} is a customer from the start, class {class}", "account {account} is vanaf het begin {class}-klant"},
    {"trace.class_changed", "customer {account} is now in class {class}", "klant {account} is nu {class}-klant"},
    {"trace.wish_to_buy", "customer {account} wants to buy ({source}): through the filter", "klant {account} wil kopen ({source}): door het filter"},
    {"trace.churn_averted", "brickwalling keeps a competitor away from customer {account}", "brickwalling houdt een concurrent weg bij klant {account}"},
    {"trace.churned", "customer {account} leaves for a competitor", "klant {account} vertrekt naar een concurrent"},
    {"trace.won_back", "former customer {account} comes back to the market", "oud-klant {account} keert terug naar de markt"},
    {"trace.opportunity_opened", "opportunity {opportunity} of account {account} enters the funnel at {stage}, value {value}", "verkoopkans {opportunity} van account {account} komt de trechter in bij {stage}, waarde {value}"},
    {"trace.work_started", "an account executive works on {stage} for account {account}", "een account executive werkt aan {stage} voor account {account}"},
    {"trace.stage_passed", "{stage} passed for account {account}", "{stage} gehaald voor account {account}"},
    {"trace.opportunity_lost", "opportunity of account {account} lost at {stage}: {reason}", "verkoopkans van account {account} verloren bij {stage}: {reason}"},
    {"trace.waited", " after waiting {days} days: {left}% of its chance left", " na {days} dagen wachten: nog {left}% van de kans over"},
    {"trace.disqualified_stale", "suspect {account} disqualified: gone stale while it waited (it would have passed had it not waited), leaves the factory", "suspect {account} gediskwalificeerd: verouderd door het wachten (zonder wachten was het gelukt), verlaat de fabriek"},
    {"trace.stale.stage", "; it would have gone on had it not waited", "; zonder wachten was hij doorgegaan"},
    {"trace.factory_heading", "In the factory", "In de fabriek"},
    {"trace.person_left", "a person leaves the {role}s; the seat stays empty until it is filled again", "iemand vertrekt bij de {role}s; de plaats blijft leeg tot ze weer is ingevuld"},
    {"trace.seat_filled", "a new {role} takes the empty seat and starts ramping up", "een nieuwe {role} neemt de lege plaats in en werkt zich in"},
    {"trace.market_changed", "the market changes (market.changes[{index}] takes effect)", "de markt verandert (market.changes[{index}] gaat in)"},
    {"trace.customers_changed", "the customers change (customers.changes[{index}] takes effect: churn and wishes to buy)", "de klanten veranderen (customers.changes[{index}] gaat in: churn en koopwensen)"},
    {"role.qualifier", "qualifier", "kwalificeerder"},
    {"role.account_executive", "account executive", "account executive"},
    {"role.account_manager", "account manager", "account manager"},
    {"trace.opportunity_won", "deal won by account {account}: closing date, contract value {value}", "offerte gewonnen door account {account}, closing date, contractwaarde {value}"},
    // salesfab calibrate: the fit report.
    {"fit.title", "salesfab fit report", "salesfab-fitrapport"},
    {"fit.intro", "A scenario fitted to the CRM history {history} ({from} to {as_of}): per fitted value the estimate, its {c}% confidence interval, n and the method; per stage duration and deal value the fitted curve against the data.", "Een scenario gefit op de CRM-historie {history} ({from} tot {as_of}): per gefitte waarde de schatting, het {c}%-betrouwbaarheidsinterval, n en de methode; per doorlooptijd en dealwaarde de gefitte curve tegen de data."},
    {"fit.values", "Fitted values", "Gefitte waarden"},
    {"fit.key", "key", "sleutel"},
    {"fit.estimate", "estimate", "schatting"},
    {"fit.interval", "interval", "interval"},
    {"fit.method", "method", "methode"},
    {"fit.from_base", "Taken from the base scenario {base} (the history could not tell): {keys}.", "Uit het basisscenario {base} (de historie zegt er niets over): {keys}."},
    {"fit.curves", "Fitted curves against the data", "Gefitte curves tegen de data"},
    {"fit.curve_note", "The share still above x: Kaplan-Meier for durations (open visits are censored), the empirical curve for deal values; beside it the {family} fit (AIC {aic}).", "Het deel nog boven x: Kaplan-Meier voor doorlooptijden (open bezoeken zijn gecensureerd), de empirische curve voor dealwaarden; ernaast de {family}-fit (AIC {aic})."},
    {"fit.data", "data", "data"},
    {"fit.fitted", "fitted", "gefit"},
    {"fit.days", "days in stage", "dagen in fase"},
    {"fit.amount", "amount", "bedrag"},
    {"fit.share_above", "share above", "deel erboven"},
    // The report.
    {"report.title", "salesfab report", "salesfab-rapport"},
    {"report.intro", "The sales factory simulated: its three platforms with their flows, the RKK metrics (richting, kwaliteit, kwantiteit) with confidence intervals, and how the factory develops over time.",
     "De salesfabriek gesimuleerd: de drie platformen met hun stromen, de RKK-maatstaven (richting, kwaliteit, kwantiteit) met betrouwbaarheidsintervallen, en hoe de fabriek zich in de tijd ontwikkelt."},
    {"report.no_variants", "No variant was run: there is nothing to show.", "Er is geen variant gedraaid: er is niets te tonen."},
    {"report.side_by_side", "The variants side by side", "De varianten naast elkaar"},
    {"report.side_by_side_note", "Means, with the confidence interval under each; * and bold mark the best: highest revenue, deals won and customers, lowest churn.",
     "Gemiddelden, met het betrouwbaarheidsinterval eronder; * en vet markeren de beste: hoogste omzet, gewonnen deals en klanten, laagste churn."},
    {"report.variant", "Variant {name}", "Variant {name}"},
    {"report.factory", "The factory and its flows", "De fabriek en haar stromen"},
    {"report.factory_note", "Flows are means per year over the measurement window (day {w} to day {h}); customers are counted at the end, on day {h}. Dashed: former customers won back return to the market.",
     "Stromen zijn gemiddelden per jaar over de meetperiode (dag {w} tot dag {h}); klanten zijn geteld aan het eind, op dag {h}. Gestippeld: teruggewonnen oud-klanten keren terug naar de markt."},
    {"report.market", "the market", "de markt"},
    {"report.qualify", "qualifying", "kwalificeren"},
    {"report.shortlist", "prospects on the shortlist", "prospects op de shortlist"},
    {"report.class_a", "A", "A"},
    {"report.class_b", "B", "B"},
    {"report.class_c", "C", "C"},
    {"report.competitors", "competitors", "concurrenten"},
    {"report.rkk", "The RKK tables", "De RKK-tabellen"},
    {"report.over_time", "Over time", "In de tijd"},
    {"report.band_note", "Line: the mean of {n} replications; shaded band: its {c}% confidence interval. Each point is a report period, drawn at its end.",
     "Lijn: het gemiddelde van {n} replicaties; schaduw: het {c}%-betrouwbaarheidsinterval. Elk punt is een rapportageperiode, getekend aan het eind ervan."},
    {"report.axis.years", "years from the start", "jaren vanaf de start"},
    {"report.no_data", "no data", "geen gegevens"},
    {"report.chart.customers", "Customers by class", "Klanten per klasse"},
    {"report.axis.customers", "customers", "klanten"},
    {"report.series.customers_a", "A customers", "A-klanten"},
    {"report.series.customers_b", "B customers", "B-klanten"},
    {"report.series.customers_c", "C customers", "C-klanten"},
    {"report.chart.revenue", "Revenue per period (complete periods)", "Omzet per periode (volledige perioden)"},
    {"report.series.revenue", "revenue", "omzet"},
    {"report.chart.pipeline", "Pipeline by stage (open opportunities)", "Pijplijn per fase (open verkoopkansen)"},
    {"report.axis.opportunities", "opportunities", "verkoopkansen"},
    {"report.chart.queues", "Queues (mean length)", "Wachtrijen (gemiddelde lengte)"},
    {"report.axis.waiting", "waiting", "wachtend"},
    {"report.series.queue_qualifier", "suspects waiting for a qualifier", "suspects wachtend op kwalificatie"},
    {"report.series.queue_account_executive", "opportunities waiting for an account executive", "verkoopkansen wachtend op een account executive"},
    {"report.chart.utilisation", "Utilisation of the staff", "Bezetting van het personeel"},
    {"report.scenario", "The scenario", "Het scenario"},
    {"report.scenarios", "The scenarios", "De scenario's"},
    {"report.run", "What was run", "Wat er is gedraaid"},
    {"report.version", "salesfab version", "salesfab-versie"},
    {"report.file", "file", "bestand"},
    {"report.variants", "variants", "varianten"},
    {"report.seed", "seed", "seed"},
    {"report.confidence", "confidence level", "betrouwbaarheid"},
    {"report.sha256", "SHA-256", "SHA-256"},
    {"report.sets", "Settings from the command line", "Instellingen van de opdrachtregel"},
    // salesfab serve: the what-if page.
    {"serve.title", "salesfab: what if?", "salesfab: wat als?"},
    {"serve.intro", "Move a lever, run, and see what it does to richting, kwaliteit and kwantiteit: base and what-if with the same random numbers, the difference with its interval.",
     "Verschuif een hendel, start, en zie wat het doet met richting, kwaliteit en kwantiteit: basis en wat-als met dezelfde toevalsgetallen, het verschil met zijn interval."},
    {"serve.language", "Language", "Taal"},
    {"serve.scenario", "Scenario", "Scenario"},
    {"serve.levers", "Levers", "Hendels"},
    {"serve.settings", "Run settings", "Instellingen"},
    {"serve.run", "Run", "Start"},
    {"serve.stop", "Stop", "Stop"},
    {"serve.reset", "Back to the base", "Terug naar de basis"},
    {"serve.queued", "Waiting in the queue", "Wacht in de rij"},
    {"serve.running", "Running: {done} of {total} replications", "Bezig: {done} van {total} replicaties"},
    {"serve.stopped", "Stopped: nothing to show.", "Gestopt: niets te tonen."},
    {"serve.failed", "Refused", "Geweigerd"},
    {"serve.done", "Done", "Klaar"},
    {"serve.no_changes", "No lever moved: the what-if is the base itself.", "Geen hendel verschoven: de wat-als is de basis zelf."},
    {"serve.scorecard", "Scorecard: base and what-if", "Scorekaart: basis en wat-als"},
    {"serve.what_if", "what-if", "wat-als"},
    {"serve.better", "better", "beter"},
    {"serve.worse", "worse", "slechter"},
    {"serve.factory", "The factory: base and what-if", "De fabriek: basis en wat-als"},
    {"serve.charts", "Charts over time and the whole report", "Grafieken in de tijd en het hele rapport"},
    {"serve.download_yaml", "Download the what-if as a scenario file", "Download de wat-als als scenariobestand"},
    {"serve.download_csv", "Download the results (CSV)", "Download de resultaten (CSV)"},
    {"serve.link", "Link to this what-if", "Link naar deze wat-als"},
    {"serve.changed", "What-if", "Wat-als"},
    {"serve.role.qualifier", "qualifiers", "kwalificeerders"},
    {"serve.role.account_executive", "account executives", "account executives"},
    {"serve.role.account_manager", "account managers", "account managers"},
    {"serve.lever.headcount", "{role}: people", "{role}: aantal mensen"},
    {"serve.lever.hours", "{role}: hours per week", "{role}: uren per week"},
    {"serve.lever.change", "{role} from day {day}: people", "{role} vanaf dag {day}: aantal mensen"},
    {"serve.lever.am_hours", "account-manager hours per {class} customer per month", "uren account manager per {class}-klant per maand"},
    {"serve.lever.suspects", "{segment}: suspects per week", "{segment}: suspects per week"},
    {"serve.lever.pass", "{segment}: qualification pass", "{segment}: kans door de kwalificatie"},
    {"serve.lever.conversion", "conversion at {stage}", "conversie in {stage}"},
    {"serve.lever.churn", "churn per year of {class} customers", "churn per jaar van {class}-klanten"},
    {"serve.lever.effect", "brickwalling effect", "effect van brickwalling"},
    {"serve.new", "new", "nieuw"},
    {"serve.existing", "existing", "bestaand"},
    {"serve.rises", "rises", "stijgt"},
    {"serve.falls", "falls", "daalt"},
    {"serve.sentence", "With {change}, {metric} {moves} by {amount} ({unit}; {c} %: {low} to {high}).",
     "Met {change} {moves} {metric} met {amount} ({unit}; {c} %: {low} tot {high})."},
    {"serve.sentence.none", "No difference is clear at {c} %: the what-if changes little, or more replications would show it.",
     "Geen verschil is duidelijk bij {c} %: de wat-als verandert weinig, of meer replicaties zouden het laten zien."},
};
// clang-format on

const std::map<std::string_view, const Entry *> &index() {
  static const std::map<std::string_view, const Entry *> map = [] {
    std::map<std::string_view, const Entry *> m;
    for (const Entry &e : table)
      m[e.key] = &e;
    return m;
  }();
  return map;
}

std::string trace_key(model::TraceKind kind) {
  return "trace." + std::string(model::trace_kind_name(kind));
}

// The role a factory-wide trace event names (its value), in words.
std::string role_word(Language language, double value) {
  const auto i = static_cast<std::size_t>(value);
  if (i >= model::role_count)
    return "?";
  return std::string(word(language, "role." + std::string(model::role_names[i])));
}

std::string_view reason_key(model::LossReason reason) {
  switch (reason) {
  case model::LossReason::competitor:
    return "reason.competitor";
  case model::LossReason::no_decision:
    return "reason.no_decision";
  case model::LossReason::patience:
    return "reason.patience";
  case model::LossReason::max_age:
    return "reason.max_age";
  case model::LossReason::customer_churned:
    return "reason.customer_churned";
  }
  return "?";
}

} // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en")
    return Language::en;
  if (code == "nl")
    return Language::nl;
  return std::nullopt;
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out(text);
  for (const auto &[name, value] : values) {
    const std::string placeholder = "{" + std::string(name) + "}";
    for (auto at = out.find(placeholder); at != std::string::npos;
         at = out.find(placeholder, at + value.size()))
      out.replace(at, placeholder.size(), value);
  }
  return out;
}

std::string_view word(Language language, std::string_view key) {
  const auto &map = index();
  const auto it = map.find(key);
  if (it == map.end())
    throw std::out_of_range("no translation for '" + std::string(key) + "'");
  return language == Language::nl ? it->second->nl : it->second->en;
}

std::string metric_label(Language language, std::string_view metric) {
  constexpr std::string_view conversion = "conversion_";
  const auto &map = index();
  if (const auto it = map.find("metric." + std::string(metric)); it != map.end())
    return language == Language::nl ? it->second->nl : it->second->en;
  if (metric.substr(0, conversion.size()) == conversion)
    return fill(word(language, "metric.conversion_"),
                {{"stage", std::string(metric.substr(conversion.size()))}});
  return std::string(metric); // an unknown name shows as it is
}

std::string_view unit_label(Language language, std::string_view unit) {
  const auto &map = index();
  const auto it = map.find("unit." + std::string(unit));
  if (it == map.end())
    return unit;
  return language == Language::nl ? it->second->nl : it->second->en;
}

std::string_view platform_name(Language language, model::Platform platform) {
  switch (platform) {
  case model::Platform::market:
    return word(language, "platform.market");
  case model::Platform::buying:
    return word(language, "platform.buying");
  case model::Platform::work:
    return word(language, "platform.work");
  }
  return "?";
}

std::string phrase_text(Language language, const theory::Phrases &phrases) {
  std::string out;
  for (const theory::Phrase &p : phrases) {
    out += fill(word(language, "theory." + p.key), {{"n", p.n}});
  }
  return out;
}

std::vector<std::string_view> translation_keys() {
  std::vector<std::string_view> keys;
  for (const Entry &e : table)
    keys.emplace_back(e.key);
  return keys;
}

namespace {
// What waiting cost, said only where the scenario gives the step a half-life.
std::string waiting_told(Language language, const model::TraceEvent &e) {
  if (e.decays && e.waited_days > 0)
    return fill(word(language, "trace.waited"),
                {{"days", format_amount(language, e.waited_days, 2)},
                 {"left", format_amount(language, e.chance_left * 100, 0)}});
  if (e.lost_to_waiting && e.kind == model::TraceKind::opportunity_lost)
    return std::string(word(language, "trace.stale.stage"));
  return {};
}
} // namespace

std::string story(Language language, const model::TraceEvent &e, const StoryContext &context) {
  const bool stale = e.lost_to_waiting && e.kind == model::TraceKind::disqualified;
  const std::string told =
      fill(word(language, stale ? "trace.disqualified_stale" : trace_key(e.kind)),
           {{"account", std::to_string(e.account)},
            {"opportunity", std::to_string(e.opportunity)},
            {"segment", e.segment < context.segments.size() ? context.segments[e.segment] : "?"},
            {"stage", e.stage < context.stages.size() ? context.stages[e.stage] : "?"},
            {"class", std::string(model::class_name(e.cls))},
            {"source",
             std::string(word(language, "source." + std::string(model::source_name(e.source))))},
            {"reason", std::string(word(language, reason_key(e.reason)))},
            {"value", format_amount(language, e.value)},
            {"how", std::string(word(language, e.value > 0 ? "trace.became_customer.new"
                                                           : "trace.became_customer.again"))},
            {"role", model::factory_wide(e.kind) ? role_word(language, e.value) : ""},
            {"index", std::to_string(static_cast<long long>(e.value))}});
  return told + waiting_told(language, e);
}

std::string story_line(Language language, const model::TraceEvent &e, const StoryContext &context) {
  return std::string(word(language, "day")) + " " +
         std::to_string(static_cast<long long>(std::floor(e.day))) + " — " +
         std::string(platform_name(language, e.platform)) + ": " + story(language, e, context);
}

std::string journeys_told(Language language, const model::Journeys &journeys,
                          const StoryContext &context) {
  std::string out;
  for (const std::uint64_t a : journeys.accounts()) {
    out += std::string(word(language, "trace.account_heading")) + ' ' + std::to_string(a) + '\n';
    for (const auto &e : journeys.events())
      if (e.account == a)
        out += "  " + story_line(language, e, context) + '\n';
    out += '\n';
  }
  if (!journeys.factory_events().empty()) {
    out += std::string(word(language, "trace.factory_heading")) + '\n';
    for (const auto &e : journeys.factory_events())
      out += "  " + story_line(language, e, context) + '\n';
    out += '\n';
  }
  return out;
}

} // namespace salesfab::present
