using System.Globalization;
using Microsoft.Extensions.Logging;
using Receivables.Actions;

namespace Receivables.Dunning;

/// <summary>
/// Makes a missing late-payment rate row loud (forsinkelsesrenteloven § 3 sets the rate per half-year): after each cycle
/// run, a half-year without a row is logged as a warning and opens one settings task per creditor and half-year. The
/// interest of such a half-year is computed at the rate before it and marked provisional in the decision record.
/// </summary>
public sealed class MissingRateWarnings(DunningPolicies policies, ITaskStore tasks, ILogger<MissingRateWarnings> logger) : IDunningStepObserver
{
    public Task OnStepAsync(DunningStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnCreditorRunAsync(string creditorId, DateOnly date, CancellationToken cancellationToken)
    {
        var rates = policies.Rates;
        foreach (var half in rates.MissingHalfYears(date))
        {
            var used = rates.RateOn(half);
            logger.LogWarning(
                "No late-payment rate row for the half-year from {HalfYear} ({Section}:Rates): interest after it uses {Rate} % from {UsedFrom} and is marked provisional",
                half, DunningOptions.Section, used.Rate, used.From);
            await tasks.OpenAsync(
                creditorId,
                TaskKinds.AddRate,
                null,
                null,
                string.Create(CultureInfo.InvariantCulture, $"Add the late-payment rate for the half-year from {half:yyyy-MM-dd}"),
                Describe(half, used, policies.Options.Rates.Count),
                string.Create(CultureInfo.InvariantCulture, $"rates:missing:{half:yyyy-MM-dd}"),
                cancellationToken,
                new TaskFacts { Reason = TaskReasons.RateMissing, AboutDate = half, Threshold = used.Rate, Reference = used.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }
    }

    /// <summary>What to do, for the task and the status line.</summary>
    public static string Describe(DateOnly half, RatePeriodOptions used, int rows) => string.Create(
        CultureInfo.InvariantCulture,
        $"No {DunningOptions.Section}:Rates row starts on {half:yyyy-MM-dd}: interest from that day is computed at {used.Rate:0.00} % (the row from {used.From:yyyy-MM-dd}) and marked provisional in the letters' evidence. " +
        $"Add the published rate (Norges Bank's policy rate on {half:dd.MM.yyyy} + 8 points) and the § 3a compensation as one more row: " +
        $"Receivables__Dunning__Rates__{rows}__From={half:yyyy-MM-dd}, __Rate=<percent>, __Compensation=<NOK>; then: tasks done <id> --outcome added.");
}
