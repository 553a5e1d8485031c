using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;

namespace Receivables.Tests.Dunning;

/// <summary>Builds domain inputs for the ladder's pure rules and runs it day by day, as the daily cycle would.</summary>
internal sealed class LadderWorld
{
    public const string Creditor = "acme";

    public static readonly CreditorOptions CreditorSettings = new()
    {
        Name = "Acme Verktøy AS",
        Email = "regnskap@acme.example",
        Phone = "+47 22 33 44 55",
        BankAccount = "12345678903",
    };

    public LadderWorld(bool business, List<RatePeriodOptions>? rates = null, PolicyOptions? policy = null, CollectionNoticeMode mode = CollectionNoticeMode.Send)
    {
        Debtor = new Debtor(Creditor, business ? "B-100" : "C-200", business ? "Fjellbygg AS" : "Kari Nordmann", business ? "post@fjellbygg.example" : "kari@example.no", business ? CustomerType.Business : CustomerType.Consumer, business ? "987654321" : null);
        Policy = policy ?? (business ? DunningDefaults.Business() : DunningDefaults.Consumer());
        Rates = new RateTables(rates ?? DunningDefaults.Rates(), DunningDefaults.Inkassosats());
        Mode = mode;
        Case = new DunningCase { CreditorId = Creditor, DebtorId = Debtor.DebtorId, CaseId = DunningCase.CaseIdFor(Creditor, Debtor.DebtorId), ReplyToken = "tok123" };
    }

    public Debtor Debtor { get; }

    public PolicyOptions Policy { get; }

    public RateTables Rates { get; }

    public CollectionNoticeMode Mode { get; }

    public DunningCase Case { get; }

    public List<OpenInvoice> Invoices { get; } = [];

    public List<(DateOnly Date, PendingMessage Message, ReminderDocument Document)> Sent { get; } = [];

    public List<(DateOnly Date, IReadOnlyList<string> Invoices)> HandedOver { get; } = [];

    public static OpenInvoice Invoice(string number, string due, decimal amount, decimal? open = null, string? kid = null) =>
        new(number, D(due).AddDays(-14), D(due), "NOK", amount, open ?? amount, kid, "test.csv", 2);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public DebtorLedger Ledger => new(Debtor, [.. Invoices]);

    public void SetOpen(string number, decimal open)
    {
        var index = Invoices.FindIndex(i => i.InvoiceNumber == number);
        if (open == 0m)
        {
            Invoices.RemoveAt(index);
        }
        else
        {
            Invoices[index] = Invoices[index] with { OpenAmount = open };
        }
    }

    /// <summary>Runs the ladder for one date; messages it decides are "sent" at once (the handler's part).</summary>
    public LadderDecision Run(DateOnly date, bool? neverAutomatic = null)
    {
        var decision = Ladder.Evaluate(Case, Ledger, neverAutomatic == true ? null : Policy, date, Rates, Mode);
        foreach (var pending in Case.Pending.ToList())
        {
            var document = ReminderContent.Build(Case, Ledger, pending, Creditor, CreditorSettings, Policy, Rates);
            if (document is not null)
            {
                Sent.Add((date, pending, document));
            }

            Case.Pending.Remove(pending);
        }

        if (decision.HandedOver.Count > 0)
        {
            HandedOver.Add((date, decision.HandedOver));
        }

        return decision;
    }

    /// <summary>Runs every business day from <paramref name="from"/> to <paramref name="to"/>; <paramref name="onDay"/> can change the ledger first.</summary>
    public void RunDays(string from, string to, Action<DateOnly>? onDay = null)
    {
        for (var day = D(from); day <= D(to); day = day.AddDays(1))
        {
            onDay?.Invoke(day);
            if (NorwegianCalendar.IsBusinessDay(day))
            {
                Run(day);
            }
        }
    }

    public static decimal Sum(ReminderDocument document, string kind) => document.Charges.Where(c => c.Kind == kind).Sum(c => c.Amount);

    public static string TemplateOf(int level) => level switch
    {
        1 => MessageTemplates.Friendly,
        2 => MessageTemplates.Reminder,
        _ => MessageTemplates.CollectionNotice,
    };
}
