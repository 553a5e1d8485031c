using System.Text;
using System.Text.RegularExpressions;
using Receivables.Actions;
using Receivables.DebtorPage;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Replies;
using Receivables.Storage;

namespace Receivables.Tests.DebtorPage;

/// <summary>The page's handler without a browser: tokens, rate limits, antiforgery, and the answers a browser test does not cover.</summary>
public sealed class DebtorPageTests
{
    private const string Kari = "kari@nordmann.example";

    private static readonly string[] TwoInvoices =
    [
        $"D1,Kari Nordmann,{Kari},consumer,,20001,2026-10-03,2026-11-02,NOK,1500.00,1500.00,{Kid.WithMod10("00020001")}",
        $"D1,Kari Nordmann,{Kari},consumer,,20002,2026-10-05,2026-11-02,NOK,2400.00,2400.00,{Kid.WithMod10("00020002")}",
    ];

    [Fact]
    public void A_token_with_any_character_changed_or_signed_with_another_key_is_refused()
    {
        var key = PageToken.DeriveKey(DebtorPageWorld.SigningKey, "link");
        var id = PageToken.NewId();
        var expires = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var token = PageToken.Create(key, id, expires);

        PageToken.TryRead(key, token, out var readId, out var readExpiry).ShouldBeTrue();
        readId.ShouldBe(id);
        readExpiry.ShouldBe(expires);
        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            PageToken.TryRead(key, changed, out _, out _).ShouldBeFalse($"a change at position {i} was accepted");
        }

        PageToken.TryRead(PageToken.DeriveKey("another-key-another-key-another-key-0000", "link"), token, out _, out _).ShouldBeFalse();
        PageToken.TryRead(PageToken.DeriveKey(DebtorPageWorld.SigningKey, "form"), token, out _, out _).ShouldBeFalse("a form key never opens a link");
        PageToken.TryRead(key, token[..^2], out _, out _).ShouldBeFalse();
        PageToken.NewId().ShouldNotBe(PageToken.NewId());
    }

    [Fact]
    public async Task Too_many_requests_from_one_client_address_are_refused_while_another_address_is_still_served()
    {
        await using var world = await RemindedAsync(new Dictionary<string, string?> { ["Receivables:DebtorPage:RequestsPerMinute"] = "5" });
        var token = TokenIn(world);

        for (var i = 0; i < 5; i++)
        {
            (await GetAsync(world, token, "198.51.100.1")).StatusCode.ShouldBe(200);
        }

        (await GetAsync(world, token, "198.51.100.1")).StatusCode.ShouldBe(429);
        (await GetAsync(world, "wrong" + token, "198.51.100.1")).StatusCode.ShouldBe(429, "guessing is limited too");
        (await GetAsync(world, token, "198.51.100.2")).StatusCode.ShouldBe(200);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        (await GetAsync(world, token, "198.51.100.1")).StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task A_form_posted_without_the_page_antiforgery_value_changes_nothing()
    {
        await using var world = await RemindedAsync();
        var token = TokenIn(world);

        var answer = await PostAsync(world, token, "dispute", new() { ["invoice"] = "20001", ["reason"] = "forged" }, formValue: "not-the-value");
        answer.StatusCode.ShouldBe(400);
        System.Net.WebUtility.HtmlDecode(Encoding.UTF8.GetString(answer.Body)).ShouldContain("Skjemaet var utløpt");
        var found = (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!;
        found.HeldInvoices.ShouldBeEmpty();
        (await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef("acme", "D1", found.CaseId))).ShouldNotContain(e => e.Entry.Actor == DebtorPageActions.Actor);
    }

    [Fact]
    public async Task I_have_paid_pauses_reminders_until_the_next_ledger_confirms_the_payment()
    {
        await using var world = await RemindedAsync();
        var token = TokenIn(world);

        (await PostAsync(world, token, "paid", new() { ["paidDate"] = "2026-11-09", ["reference"] = "Nettbank 0911" })).StatusCode.ShouldBe(303);
        var found = (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!;
        found.Pause.ShouldBe(PauseReason.AwaitingLedger);
        var receipt = world.LettersTo(Kari)[^1];
        (receipt.Subject ?? "").ShouldContain("Bekreftelse");
        (receipt.TextBody ?? "").ShouldContain("09.11.2026");

        world.SetDay("2026-11-11");
        await world.UploadAsync("D2,Other AS,post@other.example,business,,30001,2026-10-01,2026-12-01,NOK,100.00,100.00,");
        (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!.Pause.ShouldBeNull();
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef("acme", "D1", found.CaseId));
        entries.ShouldContain(e => e.Entry.Title.StartsWith("Already-paid check", StringComparison.Ordinal) && e.Entry.Title.Contains("confirms the payment"));
    }

    [Fact]
    public async Task I_have_paid_on_the_page_is_confirmed_the_same_day_by_a_bank_file_that_pays_every_open_invoice()
    {
        await using var world = await RemindedAsync();
        var token = TokenIn(world);
        (await PostAsync(world, token, "paid", new() { ["paidDate"] = "2026-11-09" })).StatusCode.ShouldBe(303);
        (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!.Pause.ShouldBe(PauseReason.AwaitingLedger);

        var paidOn = new DateOnly(2026, 11, 9);
        var camt = BankFileGenerator.Camt054(
        [
            new GeneratedPayment(1500m, paidOn, Kid: Kid.WithMod10("00020001"), Payer: "Kari Nordmann"),
            new GeneratedPayment(2400m, paidOn, Kid: Kid.WithMod10("00020002"), Payer: "Kari Nordmann"),
        ]);
        (await Payments.PaymentsWorld.ImportAsync(world.Host, camt, "camt-1110.xml")).Matched.ShouldBe(2);

        var found = (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!;
        found.Pause.ShouldBeNull("the bank file confirms what the debtor said on the page, without waiting for the ledger");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef("acme", "D1", found.CaseId));
        entries.ShouldContain(e => e.Entry.Title.StartsWith("Already-paid check", StringComparison.Ordinal) && e.Entry.Title.Contains("bank's payment file"));
    }

    [Fact]
    public async Task A_business_gets_its_receipt_worded_to_dere_and_a_receipt_of_I_have_paid_asks_for_no_payment()
    {
        const string Fjord = "post@fjordfisk.example";
        await using var world = await DebtorPageWorld.StartAsync("2026-11-09");
        await world.UploadAsync($"D3,Fjord Fisk AS,{Fjord},business,,40001,2026-10-03,2026-11-02,NOK,8200.00,8200.00,{Kid.WithMod10("00040001")}");
        await world.RunUntilAsync("2026-11-09");
        world.SetDay("2026-11-10");
        var link = DebtorPageWorld.LinkIn(world.LettersTo(Fjord).ShouldHaveSingleItem());
        var token = link[(link.LastIndexOf('/') + 1)..];

        (await PostAsync(world, token, "paid", new() { ["paidDate"] = "2026-11-09", ["reference"] = "Nettbank 0911" })).StatusCode.ShouldBe(303);

        var receipt = world.LettersTo(Fjord)[^1];
        var text = receipt.TextBody ?? "";
        (receipt.Subject ?? "").ShouldBe("Bekreftelse på svaret deres – Acme Verktøy AS");
        text.ShouldContain("Dere har meldt at dere betalte 09.11.2026 (referanse Nettbank 0911)");
        Regex.Matches(text, @"\b(du|deg|din|ditt|dine)\b", RegexOptions.IgnoreCase).Select(m => m.Value).ShouldBeEmpty(text);
        text.ShouldNotContain("Å betale", Case.Sensitive, "the debtor has just said it is paid");
        text.ShouldNotContain("Betalingsfrist");
    }

    [Fact]
    public async Task A_promise_beyond_the_promise_policy_leaves_reminders_running_opens_a_task_and_the_receipt_says_a_person_decides()
    {
        await using var world = await RemindedAsync();
        var token = TokenIn(world);

        (await PostAsync(world, token, "promise", new() { ["date"] = "2027-02-15" })).StatusCode.ShouldBe(303);

        (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!.Pause.ShouldBeNull("a date this far out is not accepted by rule");
        var tasks = await world.Get<ITaskStore>().ListAsync("acme").ToListAsync();
        tasks.ShouldContain(t => t.Kind == TaskKinds.ReviewReply && t.DebtorId == "D1" && t.Title.Contains("2027-02-15"));
        var receipt = world.LettersTo(Kari)[^1];
        (receipt.Subject ?? "").ShouldStartWith("Bekreftelse på svaret ditt");
        var text = receipt.TextBody ?? "";
        text.ShouldContain("Du har lovet å betale innen 15.02.2027");
        text.ShouldContain("en saksbehandler vurderer den og svarer deg");
    }

    [Fact]
    public async Task New_contact_details_open_a_task_for_a_person_and_the_confirmation_goes_to_the_known_address()
    {
        await using var world = await RemindedAsync();
        var token = TokenIn(world);

        (await PostAsync(world, token, "contact", new() { ["email"] = "not-an-address" })).StatusCode.ShouldBe(400);
        (await PostAsync(world, token, "contact", new() { ["email"] = "kari.ny@nordmann.example", ["phone"] = "+47 900 00 000", ["address"] = "Storgata 1\n0155 Oslo" })).StatusCode.ShouldBe(303);

        var tasks = await world.Get<ITaskStore>().ListAsync("acme").ToListAsync();
        tasks.ShouldContain(t => t.Kind == TaskKinds.ContactChange && t.Details.Contains("kari.ny@nordmann.example") && t.Details.Contains("Storgata 1"));
        (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!.DebtorEmail.ShouldBe(Kari);
        world.LettersTo("kari.ny@nordmann.example").ShouldBeEmpty();
        (world.LettersTo(Kari)[^1].Subject ?? "").ShouldContain("Bekreftelse");
    }

    [Fact]
    public async Task A_revoked_link_gets_the_same_answer_as_a_link_that_never_existed()
    {
        await using var world = await RemindedAsync();
        var token = TokenIn(world);
        (await GetAsync(world, token)).StatusCode.ShouldBe(200);

        var revoked = await world.Get<DebtorLinks>().RevokeCaseAsync("acme", "D1");
        revoked.ShouldBe(1);
        var answer = await GetAsync(world, token);
        var never = await GetAsync(world, token[..^1] + (token[^1] == 'A' ? 'B' : 'A'));
        answer.StatusCode.ShouldBe(never.StatusCode);
        Strip(answer, token).ShouldBe(Strip(never, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
    }

    [Fact]
    public async Task A_letter_previewed_in_the_workspace_shows_a_placeholder_link_and_issues_none()
    {
        await using var world = await RemindedAsync();
        var found = (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!;

        var preview = (await world.Get<Receivables.Messaging.CaseMessenger>().PreviewAsync(found, Receivables.Email.MessageTemplates.StillOpen, _ => new Dictionary<string, string>(), CancellationToken.None))!;

        preview.Text.ShouldContain("/" + DebtorLinks.PreviewToken);
        (await GetAsync(world, DebtorLinks.PreviewToken)).StatusCode.ShouldBe(404, "the placeholder opens no page");
        (await world.Get<DebtorLinks>().RevokeCaseAsync("acme", "D1")).ShouldBe(1, "only the sent reminder's link was issued");
    }

    [Fact]
    public async Task The_letter_and_the_invoice_details_open_as_pdf_for_the_linked_debtor_only()
    {
        await using var world = await RemindedAsync();
        await world.UploadAsync([.. TwoInvoices, "D2,Other AS,post@other.example,business,,30001,2026-10-01,2026-11-02,NOK,900.00,900.00,"]);
        var token = TokenIn(world);

        var letter = await GetAsync(world, token, resource: "letter.pdf");
        letter.StatusCode.ShouldBe(200);
        letter.ContentType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString(letter.Body, 0, 5).ShouldBe("%PDF-");
        var invoice = await GetAsync(world, token, resource: "invoice/20001.pdf");
        invoice.StatusCode.ShouldBe(200);
        Encoding.ASCII.GetString(invoice.Body, 0, 5).ShouldBe("%PDF-");
        (await GetAsync(world, token, resource: "invoice/30001.pdf")).StatusCode.ShouldBe(404, "another debtor's invoice");
        Encoding.UTF8.GetString((await GetAsync(world, token)).Body).ShouldNotContain("30001");
    }

    private static async Task<DebtorPageWorld> RemindedAsync(IDictionary<string, string?>? settings = null)
    {
        var world = await DebtorPageWorld.StartAsync("2026-11-09", settings);
        await world.UploadAsync(TwoInvoices);
        await world.RunUntilAsync("2026-11-09");
        world.SetDay("2026-11-10");
        return world;
    }

    private static string TokenIn(DebtorPageWorld world)
    {
        var link = DebtorPageWorld.LinkIn(world.LettersTo(Kari)[0]);
        return link[(link.LastIndexOf('/') + 1)..];
    }

    private static Task<DebtorPageResponse> GetAsync(DebtorPageWorld world, string token, string client = "127.0.0.1", string? resource = null) =>
        world.Get<IDebtorPage>().HandleAsync(new DebtorPageRequest("GET", token, resource, client, null, Stream.Null));

    /// <summary>Posts a form as the browser would: the antiforgery value is read from the page unless one is given.</summary>
    private static async Task<DebtorPageResponse> PostAsync(DebtorPageWorld world, string token, string action, Dictionary<string, string> fields, string? formValue = null)
    {
        if (formValue is null)
        {
            var html = Encoding.UTF8.GetString((await GetAsync(world, token)).Body);
            formValue = Regex.Match(html, "/" + action + "\"><input type=\"hidden\" name=\"form\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        }

        var body = "form=" + Uri.EscapeDataString(formValue) + string.Concat(fields.Select(f => "&" + Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var answer = await world.Get<IDebtorPage>().HandleAsync(new DebtorPageRequest("POST", token, action, "127.0.0.1", "application/x-www-form-urlencoded", new MemoryStream(Encoding.UTF8.GetBytes(body))));
        await world.DrainAsync();
        return answer;
    }

    /// <summary>The answer without what the client sent itself: the token, and the form value derived from it.</summary>
    private static string Strip(DebtorPageResponse response, string token) =>
        Regex.Replace(Encoding.UTF8.GetString(response.Body).Replace(token, "TOKEN", StringComparison.Ordinal), "name=\"form\" value=\"[^\"]+\"", "name=\"form\" value=\"…\"");
}
