using Receivables.Dunning;
using Receivables.Local.Hosting;
using Receivables.Replies;

namespace Receivables.Local.Demo;

/// <summary>What the debtors do in the demo: who pays when, who replies what.</summary>
internal sealed partial class DemoStory(LocalHost host, AdjustableClock clock, TextWriter output)
{
    private static readonly DateOnly LiseReplies = DemoScenario.Start.AddDays(2);   // Wed 7 Oct
    private static readonly DateOnly LisePaymentSeen = DemoScenario.Start.AddDays(4); // Fri 9 Oct
    private static readonly DateOnly OlaReplies = DemoScenario.Start.AddDays(2);
    private static readonly DateOnly OlaPaymentSeen = DemoScenario.Start.AddDays(14); // Mon 19 Oct
    private static readonly DateOnly FjordFiskReplies = DemoScenario.Start.AddDays(3);
    private static readonly DateOnly BergenReplies = DemoScenario.Start.AddDays(3);
    private static readonly DateOnly StavangerPays = new(2026, 10, 30);

    public List<string> Narrative { get; } = [];

    public List<(DateOnly Day, string Debtor, string Text)> Replies { get; } = [];

    public int LedgersUploaded { get; private set; }

    public async Task MorningAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return;
        }

        var lines = await WithPlanPaymentsAsync([.. DemoScenario.Opening.Where(l => StillOpen(l, day))], day, cancellationToken);
        await DemoRunner.UploadLedgerAsync(host, day, DemoScenario.Csv(lines), clock.GetUtcNow(), cancellationToken);
        LedgersUploaded++;
        await PaymentsMorningAsync(day, cancellationToken);
        if (day == LisePaymentSeen)
        {
            Narrative.Add($"{day:yyyy-MM-dd} ledger: Lise Berg's F-24031 is paid (her 'already paid' reply is confirmed)");
        }

        if (day == OlaPaymentSeen)
        {
            Narrative.Add($"{day:yyyy-MM-dd} ledger: Ola Hansen paid F-24025 as promised");
        }
    }

    public async Task AfternoonAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await LeversAfternoonAsync(day, cancellationToken);
        await PlansAfternoonAsync(day, cancellationToken);
        if (day == LiseReplies)
        {
            await ReplyAsync(day, "K-6006", "Lise Berg", "lise.berg@example.no",
                "Hei!\n\nDenne fakturaen er allerede betalt, jeg betalte den 2. oktober fra nettbanken.\n\nHilsen Lise", cancellationToken);
        }

        if (day == OlaReplies)
        {
            await ReplyAsync(day, "K-3003", "Ola Hansen", "ola.hansen@example.no",
                "Hei, beklager at den ble glemt. Jeg betaler innen 16.10.\n\nMvh Ola", cancellationToken);
        }

        if (day == FjordFiskReplies)
        {
            await ReplyAsync(day, "K-4004", "Fjord Fisk AS", "faktura@fjordfisk.example.no",
                "Hei,\n\nVi bestrider denne fakturaen. Leveransen kom skadet frem og halve partiet ble reklamert 20. september. Vi venter på kreditnota.\n\nMed vennlig hilsen\nFjord Fisk AS", cancellationToken);
        }

        if (day == BergenReplies)
        {
            await ReplyAsync(day, "K-2002", "Bergen Bygg og Anlegg AS", "post@bergenbygg.example.no",
                "Hei,\n\nVi har dessverre likviditetsproblemer etter at en stor kunde gikk konkurs. Vi ønsker å betale, men trenger en nedbetalingsordning. Kan vi betale 5 000 kr i avdrag annenhver uke?\n\nMvh\nBergen Bygg og Anlegg AS", cancellationToken);
        }
    }

    private static bool StillOpen(DemoScenario.Line line, DateOnly day) => line.DebtorId switch
    {
        "K-6006" => day < LisePaymentSeen,
        "K-3003" => day < OlaPaymentSeen,
        "K-7007" => day < StavangerPays,
        "K-8008" => day < NordlysPays,
        "K-9009" => day <= TromsoPays,
        _ => true,
    };

    private async Task ReplyAsync(DateOnly day, string debtorId, string name, string address, string text, CancellationToken cancellationToken)
    {
        var found = await host.Get<ICaseActions>().GetAsync(DemoScenario.Creditor, debtorId, cancellationToken);
        var creditorEmail = "regnskap@fjordlys.example";
        var to = found is null ? creditorEmail : ReminderContent.ReplyAddress(creditorEmail, found.ReplyToken);
        var mime = DemoRunner.Reply(name, address, to, null, "Påminnelse: ubetalt faktura fra Fjordlys Elektro AS", text, clock.GetUtcNow());
        using var stream = new MemoryStream();
        await mime.WriteToAsync(stream, cancellationToken);
        var payload = stream.ToArray();
        var parsed = InboundParser.ParseMime(payload);
        await host.Get<ReplyIntake>().AcceptAsync("message/rfc822", payload, parsed, cancellationToken);
        await DemoRunner.DrainAsync(host, cancellationToken);
        Replies.Add((day, name, text.Split('\n').First(l => l.Trim().Length > 0 && !l.StartsWith("Hei", StringComparison.Ordinal)).Trim()));
        output.WriteLine($"  {day:yyyy-MM-dd} reply from {name}");
    }
}
