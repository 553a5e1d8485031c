using System.Globalization;
using Microsoft.Playwright;
using Receivables.Actions;
using Receivables.DebtorPage;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;

namespace Receivables.Tests.DebtorPage;

/// <summary>
/// The debtor's page in a real browser (headless Chromium): the debtor opens the link from a letter that was really
/// sent (the .eml in the outbox), answers, and the case moves as it would after an email reply.
/// </summary>
public sealed class DebtorPageBrowserTests(DebtorPageBrowser browser) : IClassFixture<DebtorPageBrowser>
{
    private const string Kari = "kari@nordmann.example";

    private static readonly string[] TwoInvoices =
    [
        $"D1,Kari Nordmann,{Kari},consumer,,20001,2026-10-03,2026-11-02,NOK,1500.00,1500.00,{Kid.WithMod10("00020001")}",
        $"D1,Kari Nordmann,{Kari},consumer,,20002,2026-10-05,2026-11-02,NOK,2400.00,2400.00,{Kid.WithMod10("00020002")}",
    ];

    /// <summary>Two invoices due 2 November; the friendly reminder goes out on Monday 9 November with the page link.</summary>
    private static async Task<(DebtorPageWorld World, string Link)> RemindedAsync(IDictionary<string, string?>? settings = null)
    {
        var world = await DebtorPageWorld.StartAsync("2026-11-09", settings);
        await world.UploadAsync(TwoInvoices);
        await world.RunUntilAsync("2026-11-09");
        var reminder = world.LettersTo(Kari).ShouldHaveSingleItem();
        var link = DebtorPageWorld.LinkIn(reminder);
        world.SetDay("2026-11-10");
        return (world, link);
    }

    [Fact]
    public async Task Debtor_opens_the_link_in_a_sent_reminder_disputes_one_of_two_invoices_and_the_next_cycle_reminds_only_about_the_other()
    {
        var (world, link) = await RemindedAsync();
        await using var _ = world;
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(link);
        response!.Status.ShouldBe(200);
        (await response.HeaderValueAsync("content-security-policy")).ShouldBe(DebtorPageHandler.ContentSecurityPolicy);
        var text = await page.InnerTextAsync("main");
        text.ShouldContain("20001");
        text.ShouldContain("20002");
        text.ShouldContain("1234.56.78903");
        var claim = (await world.Get<IClaimStatements>().GetAsync("acme", "D1", world.Today)).ShouldNotBeNull();
        claim.Principal.ShouldBe(3900m);
        text.ShouldContain(Receivables.Email.LetterFormat.Money(claim.Total, "nb"));
        (await DebtorPageBrowser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await DebtorPageBrowser.ScreenshotAsync(page, "page-nb-desktop");

        await page.GetByText("Jeg er uenig i en faktura").ClickAsync();
        await page.GetByLabel("Faktura 20001").CheckAsync();
        await page.GetByLabel("Hvorfor?").FillAsync("Varene ble levert i stykker; se e-post til kundeservice 28.10.");
        await DebtorPageBrowser.ScreenshotAsync(page, "dispute-form-nb");
        await page.Locator("#dispute button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/done/dispute");
        (await page.InnerTextAsync("[role=status]")).ShouldContain("stoppet");
        (await DebtorPageBrowser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await DebtorPageBrowser.ScreenshotAsync(page, "dispute-done-nb");
        var afterDispute = (await world.Get<IClaimStatements>().GetAsync("acme", "D1", world.Today)).ShouldNotBeNull();
        var rest = afterDispute.Invoices.Single(i => i.InvoiceNumber == "20002");
        var pay = await page.InnerTextAsync("section[aria-labelledby=pay]");
        pay.ShouldContain(Receivables.Email.LetterFormat.Money(rest.Total, "nb"), Case.Sensitive, "like the acknowledgement, the page asks payment only of the undisputed invoice");
        pay.ShouldNotContain(Receivables.Email.LetterFormat.Money(afterDispute.Total, "nb"));
        pay.ShouldContain(rest.Kid!);

        var found = (await world.Get<ICaseActions>().GetAsync("acme", "D1")).ShouldNotBeNull();
        found.HeldInvoices.ShouldBe(["20001"]);
        found.Pause.ShouldBeNull();
        var tasks = await world.Get<ITaskStore>().ListAsync("acme").ToListAsync();
        var review = tasks.Where(t => t.Kind == TaskKinds.ReviewDispute && t.DebtorId == "D1").ShouldHaveSingleItem();
        review.Facts.Invoices.ShouldBe(["20001"]);
        (review.Facts.Quote ?? "").ShouldContain("levert i stykker");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef("acme", "D1", found.CaseId));
        var answer = entries.Where(e => e.Entry.Actor == DebtorPageActions.Actor).ShouldHaveSingleItem().Entry;
        answer.Metadata["action"].ShouldBe("dispute");
        answer.Metadata["clientAddress"].ShouldBe("127.0.0.1");
        answer.Metadata["tokenId"].Length.ShouldBe(32);
        world.LettersTo(Kari).Count.ShouldBe(2, "the reminder and the written acknowledgement of the dispute");
        var acknowledgement = world.LettersTo(Kari)[^1];
        (acknowledgement.Subject ?? "").ShouldContain("Vi har mottatt reklamasjonen", Case.Insensitive, "the same dispute acknowledgement an email reply gets");
        var acknowledged = acknowledgement.TextBody ?? "";
        acknowledged.ShouldContain("satt faktura 20001 på vent");
        acknowledged.ShouldContain("20002  fakturadato", Case.Sensitive, "only the undisputed invoice is asked for");
        acknowledged.ShouldNotContain("20001  fakturadato");
        DebtorPageWorld.LinkIn(acknowledgement).ShouldNotBeNullOrEmpty();

        await world.RunUntilAsync("2026-11-23");
        var next = world.LettersTo(Kari)[^1];
        (next.Subject ?? "").ShouldNotContain("Vi har mottatt");
        var nextText = next.TextBody ?? "";
        nextText.ShouldContain("20002");
        nextText.ShouldNotContain("20001");
        DebtorPageWorld.LinkIn(next).ShouldNotBe(link, "every letter gets a link of its own");
    }

    [Fact]
    public async Task Debtor_promises_a_date_on_the_page_and_the_case_pauses_until_then()
    {
        var (world, link) = await RemindedAsync();
        await using var _ = world;
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync(link);
        await DebtorPageBrowser.ScreenshotAsync(page, "page-nb-phone");

        await page.GetByText("Jeg betaler på en bestemt dato").ClickAsync();
        await page.GetByLabel("Jeg betaler innen").FillAsync("2026-11-27");
        await page.Locator("#promise button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/done/promise");
        (await page.InnerTextAsync("main")).ShouldContain("venter med nye påminnelser til 30.11.2026");
        (await DebtorPageBrowser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await DebtorPageBrowser.ScreenshotAsync(page, "promise-done-nb-phone");

        var found = (await world.Get<ICaseActions>().GetAsync("acme", "D1")).ShouldNotBeNull();
        found.Pause.ShouldBe(PauseReason.PromiseToPay);
        found.PausedUntil.ShouldBe(new DateOnly(2026, 11, 30));
        var letters = world.LettersTo(Kari).Count;
        letters.ShouldBe(2, "the reminder and the written confirmation of the promise");
        var confirmation = world.LettersTo(Kari)[^1];
        (confirmation.Subject ?? "").ShouldContain("Bekreftelse på betalingsavtalen", Case.Sensitive, "the same promise confirmation an email reply gets");
        (confirmation.TextBody ?? "").ShouldContain("innen 27.11.2026");

        await world.RunUntilAsync("2026-11-30");
        world.LettersTo(Kari).Count.ShouldBe(letters, "no reminder while the promise runs");
        (await world.Get<ICaseActions>().GetAsync("acme", "D1"))!.Pause.ShouldBe(PauseReason.PromiseToPay);
    }

    [Fact]
    public async Task A_tampered_or_expired_link_shows_no_data_and_the_same_answer_and_only_a_known_link_gets_a_new_one_by_email()
    {
        var (world, link) = await RemindedAsync();
        await using var _ = world;
        var page = await browser.NewPageAsync();
        var token = link[(link.LastIndexOf('/') + 1)..];
        var tampered = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');

        var wrong = await page.GotoAsync(tampered);
        wrong!.Status.ShouldBe(404);
        var wrongText = await page.InnerTextAsync("body");
        wrongText.ShouldContain("Lenken virker ikke");
        wrongText.ShouldNotContain("Kari");
        wrongText.ShouldNotContain("20001");
        (await page.GotoAsync(tampered + "/letter.pdf"))!.Status.ShouldBe(404);
        (await page.GotoAsync(link + "x/invoice/20001.pdf"))!.Status.ShouldBe(404);

        world.SetDay("2027-01-05");
        var expired = await page.GotoAsync(link);
        expired!.Status.ShouldBe(404);
        (await page.InnerTextAsync("body")).ShouldBe(wrongText);
        (await page.GotoAsync(link + "/letter.pdf"))!.Status.ShouldBe(404);
        (await DebtorPageBrowser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await page.GotoAsync(link);
        await DebtorPageBrowser.ScreenshotAsync(page, "link-not-valid");

        var before = world.LettersTo(Kari).Count;
        await page.GotoAsync(tampered);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        var wrongRenewed = await page.InnerTextAsync("body");
        world.LettersTo(Kari).Count.ShouldBe(before, "nothing is sent for a link we never issued");

        await page.GotoAsync(link);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.InnerTextAsync("body")).ShouldBe(wrongRenewed);
        var fresh = world.LettersTo(Kari)[^1];
        (fresh.Subject ?? "").ShouldContain("Ny lenke");
        var freshLink = DebtorPageWorld.LinkIn(fresh);
        freshLink.ShouldNotContain(token);
        (await page.GotoAsync(freshLink))!.Status.ShouldBe(200);
        (await page.InnerTextAsync("main")).ShouldContain("20001");
    }

    [Fact]
    public async Task A_plan_request_within_policy_becomes_a_draft_for_a_person_and_one_outside_it_is_refused_on_the_page()
    {
        var (world, link) = await RemindedAsync(new Dictionary<string, string?> { ["Receivables:Creditors:acme:Language"] = "en" });
        await using var _ = world;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);
        (await page.InnerTextAsync("h1")).ShouldContain("Your account with");
        (await DebtorPageBrowser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await DebtorPageBrowser.ScreenshotAsync(page, "page-en-desktop");

        await page.GetByText("I need a payment plan").ClickAsync();
        await page.GetByLabel("I can pay (amount each time)").FillAsync("100");
        await page.GetByLabel("How often").SelectOptionAsync("Monthly");
        await page.Locator("#plan button[type=submit]").ClickAsync();
        (await page.InnerTextAsync("[role=alert]")).ShouldContain("at least");
        (await world.Get<IPlanStore>().ListAsync("acme", "D1").ToListAsync()).ShouldBeEmpty();
        await DebtorPageBrowser.ScreenshotAsync(page, "plan-refused-en");

        await page.GetByLabel("I can pay (amount each time)").FillAsync("1000");
        await page.Locator("#plan button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/done/plan");
        (await page.InnerTextAsync("[role=status]")).ShouldContain("A person will look at your proposal");

        var plan = (await world.Get<IPlanStore>().ListAsync("acme", "D1").ToListAsync()).ShouldHaveSingleItem();
        plan.Status.ShouldBe(PlanStatus.Draft);
        plan.ProposedInstallment.ShouldBe(1000m);
        plan.ProposedFrequency.ShouldBe(PlanFrequency.Monthly);
        var tasks = await world.Get<ITaskStore>().ListAsync("acme").ToListAsync();
        tasks.ShouldContain(t => t.Kind == TaskKinds.ApprovePlan && t.DebtorId == "D1");
        var receipt = world.LettersTo(Kari)[^1];
        (receipt.Subject ?? "").ShouldContain("Confirmation of your answer");
        (receipt.TextBody ?? "").ShouldContain(string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{1000m:N2}"));
    }

    [Fact]
    public async Task A_buyer_whose_invoice_came_as_EHF_is_offered_the_invoice_copy_and_its_PDF_attachment()
    {
        var world = await DebtorPageWorld.StartAsync("2026-11-09");
        await using var _ = world;
        await world.UploadAsync(TwoInvoices);
        var blob = world.Get<Receivables.Storage.StorageClients>().Container(Receivables.Storage.StorageNames.Containers.Ledger).GetBlobClient("acme/ehf/TOSL108.xml");
        await blob.UploadAsync(BinaryData.FromString(DebtorPageInvoiceCopyTests.Ehf()));
        await world.DrainAsync();
        await world.RunUntilAsync("2026-11-09");
        var link = DebtorPageWorld.LinkIn(world.LettersTo("john@buyercompany.no").ShouldHaveSingleItem());
        world.SetDay("2026-11-10");

        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);
        var copy = page.GetByRole(AriaRole.Link, new() { Name = "Fakturakopi TOSL108 (PDF, fra EHF-fakturaen)" });
        (await copy.CountAsync()).ShouldBe(1);
        var attachment = page.GetByRole(AriaRole.Link, new() { Name = "Invoice <Seller & Co>.pdf (PDF)" });
        (await attachment.CountAsync()).ShouldBe(1);
        (await page.InnerTextAsync("#docs + ul")).ShouldContain("Hours-spent.csv – ikke en PDF");
        (await page.InnerTextAsync("main")).ShouldContain("laget av den elektroniske fakturaen (EHF)");
        (await DebtorPageBrowser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await DebtorPageBrowser.ScreenshotAsync(page, "ehf-copy-nb");

        var pdf = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), await copy.GetAttributeAsync("href")).ToString());
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        var embedded = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), await attachment.GetAttributeAsync("href")).ToString());
        embedded.Status.ShouldBe(200);
        System.Text.Encoding.ASCII.GetString(await embedded.BodyAsync(), 0, 5).ShouldBe("%PDF-");
    }
}
