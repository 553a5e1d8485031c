using System.Globalization;

namespace Receivables.Dunning;

/// <summary>
/// The published Norwegian values: late-payment interest and standard compensation (forsinkelsesrenteloven §§ 3, 3a, set
/// by regulation per half-year) and the inkassosats behind reminder fees (inkassoforskriften §§ 1-1 to 1-3); each row's
/// source is in docs/dunning.md.
/// </summary>
public static class DunningDefaults
{
    public const string NeverAutomatic = "never-automatic";

    public static List<RatePeriodOptions> Rates() =>
    [
        Rate("2022-01-01", 8.50m, 390m),
        Rate("2022-07-01", 9.25m, 400m),
        Rate("2023-01-01", 10.75m, 410m),
        Rate("2023-07-01", 11.75m, 460m),
        Rate("2024-01-01", 12.50m, 470m),
        Rate("2024-07-01", 12.50m, 470m), // rate and compensation UNVERIFIED (FOR-2024-06-26-1320 exists; figures not confirmed)
        Rate("2025-01-01", 12.50m, 470m),
        Rate("2025-07-01", 12.25m, 470m), // FOR-2025-06-23-1321; rate derived, compensation UNVERIFIED
        Rate("2026-01-01", 12.00m, 460m),
    ];

    public static List<InkassosatsOptions> Inkassosats() =>
    [
        new() { From = new DateOnly(2017, 1, 1), Amount = 700m },
        new() { From = new DateOnly(2026, 1, 1), Amount = 750m },
    ];

    public static PolicyOptions Consumer() => new()
    {
        MinimumAmount = 0m,
        GraceDays = 0,
        Levels =
        [
            new() { Stage = CaseStages.Friendly, Template = Email.MessageTemplates.Friendly, DaysAfterDue = 5, Fee = FeeKind.None, DeadlineDays = 10 },
            new() { Stage = CaseStages.Reminder, Template = Email.MessageTemplates.Reminder, DaysAfterDue = 14, DaysAfterPrevious = 14, Fee = FeeKind.Reminder, Interest = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.CollectionNotice, Template = Email.MessageTemplates.CollectionNotice, DaysAfterPrevious = 15, Fee = FeeKind.Reminder, Interest = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.Manual, Template = null, DaysAfterPrevious = 15 },
        ],
    };

    public static PolicyOptions Business() => new()
    {
        MinimumAmount = 0m,
        GraceDays = 0,
        Levels =
        [
            new() { Stage = CaseStages.Friendly, Template = Email.MessageTemplates.Friendly, DaysAfterDue = 3, Fee = FeeKind.None, DeadlineDays = 10 },
            new() { Stage = CaseStages.Reminder, Template = Email.MessageTemplates.Reminder, DaysAfterDue = 14, DaysAfterPrevious = 14, Fee = FeeKind.Reminder, Interest = true, Compensation = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.CollectionNotice, Template = Email.MessageTemplates.CollectionNotice, DaysAfterPrevious = 15, Fee = FeeKind.Reminder, Interest = true, Compensation = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.Manual, Template = null, DaysAfterPrevious = 15 },
        ],
    };

    private static RatePeriodOptions Rate(string from, decimal rate, decimal compensation) =>
        new() { From = DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture), Rate = rate, Compensation = compensation };
}
