using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Receivables.Actions;
using Receivables.Evidence;
using Receivables.Plans;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Workspace;

/// <summary>The workspace through a real browser on the real app and Azurite: what a credit controller and a viewer do.</summary>
public sealed class WorkspaceBrowserTests
{
    // Due 15 January 2026. Fjellbygg's large claim gets a call task with its friendly reminder; Per disputes; the
    // business whose name carries script and Liquid asks for a plan.
    private const string Big = "B-100,Fjellbygg AS,post@fjellbygg.example,business,987654321,2001,2026-01-01,2026-01-15,NOK,20000.00,20000.00,20013";
    private const string Per = "C-200,Per Olsen,per@example.no,consumer,,2002,2026-01-01,2026-01-15,NOK,900.00,900.00,20021";
    private const string Hostile = "B-300,\"<script>window.__pwned=1</script>{{ 7 | plus: 1 }} AS\",post@hostile.example,business,912345678,2003,2025-12-01,2026-01-05,NOK,30000.00,30000.00,20039";

    private static async Task<(LeversWorld World, string BaseUrl)> SeededAsync(IDictionary<string, string?>? settings = null)
    {
        var port = Browser.FreePort();
        var all = new Dictionary<string, string?> { ["Receivables:Local:HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Receivables:Plans:AutoSendBelow"] = "0" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        // The real outbox sender, so that every letter is archived as the complete MIME message a debtor receives.
        var world = await LeversWorld.StartAsync("2026-01-20", all, s =>
        {
            s.RemoveAll<Receivables.Email.IEmailSender>();
            s.AddSingleton<Receivables.Email.IEmailSender, Receivables.Email.Storage.OutboxEmailSender>();
        }, workspace: true);
        await world.UploadAsync(Big, Per, Hostile);
        await world.RunUntilAsync("2026-01-20");
        await world.ReplyAsync("C-200", "per@example.no", "Jeg bestrider kravet. Varene var ødelagt ved levering <script>alert(1)</script> {{ 7 | plus: 1 }}.");
        await world.ReplyAsync("B-300", "post@hostile.example", "Vi har betalingsproblemer. Kan vi betale 5 000 kr i måneden?");
        await world.RunUntilAsync("2026-01-21");
        return (world, $"http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task Controller_works_through_today_approves_a_plan_and_exports_evidence_in_a_real_browser()
    {
        var (world, baseUrl) = await SeededAsync();
        await using var _ = world;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var __ = playwright;
        await using var ___ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        // Today, in Norwegian by default, most urgent first: the call comes before the dispute and the plan.
        await page.GotoAsync("/");
        (await page.TitleAsync()).ShouldContain("Dagens oppgaver");
        var kinds = await page.Locator("li.task").EvaluateAllAsync<string[]>("els => els.map(e => e.className)");
        kinds.Length.ShouldBeGreaterThanOrEqualTo(3);
        Array.FindIndex(kinds, k => k.Contains("call-debtor", StringComparison.Ordinal)).ShouldBeLessThan(Array.FindIndex(kinds, k => k.Contains("approve-plan", StringComparison.Ordinal)));
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "today.nb");

        // Debtor text is shown as text: no script ran, the Liquid was not evaluated.
        (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).ShouldBeTrue();
        (await page.ContentAsync()).ShouldContain("{{ 7 | plus: 1 }} AS");

        // Each task offers exactly the outcomes its kind declares (what `tasks done` accepts), with its facts.
        var outcomes = world.Get<TaskOutcomes>();
        var call = page.Locator("li.kind-call-debtor", new() { HasText = "Fjellbygg" });
        (await call.Locator("input[name=outcome]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)")).ShouldBe([.. outcomes.OutcomesOf(TaskKinds.CallDebtor)]);
        var callFacts = (await call.Locator("dl.facts").InnerTextAsync()).Replace('\u00a0', ' ').Replace('\u202f', ' ');
        callFacts.ShouldContain("20 000,00 NOK");
        callFacts.ShouldContain("Høy");
        var disputeTask = page.Locator("li.kind-review-dispute").First;
        (await disputeTask.Locator("input[name=outcome]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)")).ShouldBe([.. outcomes.OutcomesOf(TaskKinds.ReviewDispute)]);
        (await disputeTask.Locator("blockquote").InnerTextAsync()).ShouldContain("Varene var ødelagt ved levering <script>alert(1)</script> {{ 7 | plus: 1 }}");

        // Record a call with a promise to pay.
        await call.Locator("input[value=promise]").CheckAsync();
        await call.Locator("input[type=date]").FillAsync("2026-02-02");
        await call.Locator("textarea").FillAsync("Lovet betaling 2. februar");
        await call.Locator("button[type=submit]").ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        var callTask = await OneAsync(world, TaskKinds.CallDebtor, "B-100");
        callTask.IsOpen.ShouldBeFalse();
        callTask.Outcome.ShouldBe("promise");
        (await world.Get<Receivables.Dunning.ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.Pause.ShouldBe(Receivables.Dunning.PauseReason.PromiseToPay);

        // Resolve the dispute: rejected with the reason; the debtor gets a new deadline, then reminders resume.
        var dispute = page.Locator("li.kind-review-dispute").First;
        (await dispute.InnerTextAsync()).ShouldContain("Per Olsen");
        await dispute.Locator("input[value=rejected]").CheckAsync();
        await dispute.Locator("input[type=date]").FillAsync("2026-02-06");
        await dispute.Locator("textarea").FillAsync("Varene ble kvittert mottatt uten anmerkninger.");
        await dispute.Locator("button[type=submit]").ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        (await OneAsync(world, TaskKinds.ReviewDispute, "C-200")).Outcome.ShouldBe("rejected");
        var rejected = (await world.Get<Receivables.Dunning.ICaseActions>().GetAsync(TestSettings.Creditor, "C-200"))!;
        rejected.Pause.ShouldBeNull();
        rejected.IsHeld.ShouldBeFalse();
        (await page.Locator(".flash.ok").InnerTextAsync()).ShouldStartWith("Avgjør innsigelse – Avvises: innsigelsen avvist, ny frist 06.02.2026, deretter fortsetter purringene der de stod");

        // Approve the plan after previewing its letter.
        await page.GotoAsync("/Plans");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "plans.nb");
        var planList = await page.Locator("table.list").InnerTextAsync();
        planList.ShouldContain("Utkast", Case.Sensitive, "a plan's status in Norwegian");
        planList.ShouldNotContain("Draft");
        await page.Locator("table.list a[href^='/Plans/']").First.ClickAsync();
        await Browser.ShotAsync(page, "plan-preview.nb");
        (await page.Locator("section.letter").InnerTextAsync()).ShouldContain("Nedbetalingsavtale", Case.Insensitive);
        (await FrameHtmlAsync(page)).ShouldContain("fakturaene 2003", Case.Insensitive);
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkjenn og send" }).ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        (await page.Locator(".flash.ok").InnerTextAsync()).ShouldEndWith(": Sendt kunden");
        var plans = new List<RepaymentPlan>();
        await foreach (var plan in world.Get<PlanService>().ListAsync(TestSettings.Creditor))
        {
            plans.Add(plan);
        }

        plans.Single().Status.ShouldBe(PlanStatus.Proposed);
        plans.Single().DecidedBy.ShouldBe("person:operator");

        // A debtor's timeline, and a sent letter exactly as archived.
        await page.GotoAsync("/Debtors?q=Per");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Per Olsen" }).ClickAsync();
        await page.Locator("ol.timeline").WaitForAsync();
        (await page.Locator("ol.timeline").InnerTextAsync()).ShouldContain("operator");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "debtor.nb");
        await page.Locator("ol.timeline a[href*='/Letter/']").Last.ClickAsync();
        (await FrameHtmlAsync(page)).ShouldContain("2002");
        (await page.Locator("pre.mailtext").TextContentAsync())!.ShouldContain("2002");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "letter.nb");

        // A call the debtor made, recorded on the debtor's page with the outcomes a call declares.
        await page.GotoAsync("/Debtors/acme/C-200");
        var callForm = page.Locator("form.call");
        (await callForm.Locator("input[name=outcome]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)")).ShouldBe([.. outcomes.OutcomesOf(TaskKinds.CallDebtor)]);
        await callForm.Locator("input[value=no-answer]").CheckAsync();
        await callForm.Locator("textarea").FillAsync("Ringte tilbake, tok ikke telefonen");
        await callForm.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        var recordedCall = await OneAsync(world, TaskKinds.CallDebtor, "C-200");
        recordedCall.Outcome.ShouldBe("no-answer");
        recordedCall.Title.ShouldContain("recorded by operator");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "debtor-call.nb");

        // Export the evidence bundle; the downloaded file verifies as `evidence verify` checks it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Last ned bevismappe").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), "bundle-" + Guid.NewGuid().ToString("N") + ".zip");
        await download.SaveAsAsync(path);
        await using (var zip = File.OpenRead(path))
        {
            var report = EvidenceBundle.Verify(zip);
            report.Ok.ShouldBeTrue(string.Join("; ", report.Problems.Select(p => p.Message)));
        }

        // The same bundle uploaded on the page is reported intact.
        await page.Locator("#bundle").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontroller", Exact = true }).ClickAsync();
        (await page.Locator(".flash.ok").InnerTextAsync()).ShouldContain("uendret");

        // The hostile debtor's page: name and reply shown as text.
        await page.GotoAsync("/Debtors/acme/B-300");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("<script>window.__pwned=1</script>{{ 7 | plus: 1 }} AS");
        (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).ShouldBeTrue();

        // Overview, debtors and letters, in both languages.
        foreach (var (url, name) in new[] { ("/Overview", "overview"), ("/Debtors", "debtors"), ("/Letters?template=reminder&language=nb&business=false", "letters") })
        {
            await page.GotoAsync(url);
            violations.AddRange(await Browser.SeriousViolationsAsync(page));
            await Browser.ShotAsync(page, name + ".nb");
        }

        // The letter templates by the names a reader knows them by, not their ids.
        var templates = await page.Locator("nav.side").InnerTextAsync();
        templates.ShouldContain("Vennlig påminnelse");
        templates.ShouldContain("Bokmål – Forbruker");
        templates.ShouldNotContain("friendly-reminder");
        templates.ShouldNotContain("nb – ");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        foreach (var (url, name) in new[] { ("/", "today"), ("/Overview", "overview"), ("/Debtors", "debtors"), ("/Debtors/acme/B-100", "debtor") })
        {
            await page.GotoAsync(url);
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
            violations.AddRange(await Browser.SeriousViolationsAsync(page));
            await Browser.ShotAsync(page, name + ".en");
        }

        (await page.Locator("main").InnerTextAsync()).ShouldContain("NOK");
        dialogs.ShouldBe(0);
        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    [Fact]
    public async Task A_credit_controller_reads_tasks_and_the_timeline_in_norwegian_and_an_english_reader_in_english()
    {
        var (world, baseUrl) = await SeededAsync();
        await using var _ = world;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var __ = playwright;
        await using var ___ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl });

        // Today in bokmål: titles and details worded from the tasks' facts, amounts in kroner, dates as dd.MM.yyyy.
        await page.GotoAsync("/");
        var titles = await page.Locator("li.task h2").AllInnerTextsAsync();
        titles.ShouldContain("Ring Fjellbygg AS");
        titles.ShouldContain("Innsigelse på kravet (svar 20.01.2026)");
        titles.ShouldContain("Godkjenn nedbetalingsplan for <script>window.__pwned=1</script>{{ 7 | plus: 1 }} AS");
        var call = Plain(await page.Locator("li.kind-call-debtor", new() { HasText = "Fjellbygg" }).Locator("ul.points").InnerTextAsync());
        call.ShouldContain("Hvorfor: stort krav (20 000,00 kr, grensen er 10 000,00 kr)");
        call.ShouldContain("Kontakt: Fjellbygg AS, e-post post@fjellbygg.example, telefon ikke i reskontroen.");
        call.ShouldContain("Krav: 1 forfalt faktura (2001), 20 000,00 kr utestående, 5 dager over forfall.");
        call.ShouldContain("Samtalepunkter: 1) spør hvorfor kravet ikke er betalt");
        var dispute = Plain((await page.Locator("li.kind-review-dispute ul.points").TextContentAsync())!);
        dispute.ShouldContain("Kunden bestrider kravet i et svar mottatt 20.01.2026.");
        dispute.ShouldContain("Purringene er stanset til innsigelsen er avgjort");
        var plan = Plain((await page.Locator("li.kind-approve-plan ul.points").TextContentAsync())!);
        plan.ShouldContain("Krav 30 ");
        plan.ShouldContain("avdrag (månedlig)");
        var today = (await page.Locator("main").TextContentAsync())!;
        foreach (var english in new[] { "Call ", "Dispute on", "Approve repayment plan", "Why:", "Contact:", "Claim:", "Talking points", "Receivables:Contact", "overdue invoice", "payments from" })
        {
            today.ShouldNotContain(english);
        }

        // Reject the dispute, so that the debtor's timeline holds a decision, a case action and the letters of both.
        var disputeTask = page.Locator("li.kind-review-dispute").First;
        await disputeTask.Locator("input[value=rejected]").CheckAsync();
        await disputeTask.Locator("input[type=date]").FillAsync("2026-02-06");
        await disputeTask.Locator("textarea").FillAsync("Varene ble kvittert mottatt uten anmerkninger.");
        await disputeTask.Locator("button[type=submit]").ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();

        await page.GotoAsync("/Debtors/acme/C-200");
        var timeline = await page.Locator("ol.timeline").InnerTextAsync();
        timeline.ShouldContain("Sendt: svar på innsigelse");
        timeline.ShouldContain("Innsigelsen avvist");
        timeline.ShouldContain("Svar tolket som innsigelse: saken stanset, oppgave åpnet, kunden har fått bekreftelse");
        timeline.ShouldContain("Sendt: bekreftelse av innsigelse");
        timeline.ShouldContain("Svar fra kunden: SV: Påminnelse");
        timeline.ShouldContain("Sendt: vennlig påminnelse");
        timeline.ShouldContain("Vedtak: vennlig påminnelse");
        var actors = await page.Locator("ol.timeline p.muted").AllInnerTextsAsync();
        actors.ShouldContain("regel");
        actors.ShouldContain("systemet");
        actors.ShouldContain("operator");
        actors.ShouldContain("Innsigelse");

        // A call recorded on the page: its task and its outcome read in bokmål too.
        var callForm = page.Locator("form.call");
        await callForm.Locator("input[value=no-answer]").CheckAsync();
        await callForm.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        await page.GotoAsync("/Debtors/acme/C-200");
        var tasks = await page.Locator("section[aria-labelledby=tasks-h]").InnerTextAsync();
        tasks.ShouldContain("Innsigelse på kravet (svar 20.01.2026) – avvist");
        tasks.ShouldContain("Samtale med Per Olsen registrert av operator – ikke svar");
        var called = await page.Locator("ol.timeline li").First.InnerTextAsync();
        called.ShouldContain("Samtale registrert: Ikke svar");
        called.ShouldContain("ikke svar registrert");
        var debtor = (await page.Locator("main").TextContentAsync())!;
        foreach (var english in new[] { "Sent ", "Case ", "Decision:", "Reply classified", "Reply:", "Reminder acme", "person:", "Dispute on", "dispute-", "friendly-reminder", "Call ", "recorded", " open" })
        {
            debtor.ShouldNotContain(english);
        }

        // In English the same tasks and events read in English.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.GotoAsync("/");
        var englishTitles = await page.Locator("li.task h2").AllInnerTextsAsync();
        englishTitles.ShouldContain("Call Fjellbygg AS");
        englishTitles.ShouldContain("Approve repayment plan for <script>window.__pwned=1</script>{{ 7 | plus: 1 }} AS");
        var englishCall = Plain(await page.Locator("li.kind-call-debtor", new() { HasText = "Fjellbygg" }).Locator("ul.points").InnerTextAsync());
        englishCall.ShouldContain("Why: a large claim (20,000.00 NOK, the limit is 10,000.00 NOK)");
        englishCall.ShouldContain("Talking points:");
        await page.GotoAsync("/Debtors/acme/C-200");
        var englishTimeline = await page.Locator("ol.timeline").InnerTextAsync();
        englishTimeline.ShouldContain("Sent: answer to a dispute");
        englishTimeline.ShouldContain("Dispute rejected");
        englishTimeline.ShouldContain("Decision: friendly reminder");
        englishTimeline.ShouldContain("Reply read as a dispute");
        englishTimeline.ShouldNotContain("Svar tolket");
        var englishTasks = await page.Locator("section[aria-labelledby=tasks-h]").InnerTextAsync();
        englishTasks.ShouldContain("Dispute on the claim (reply of 20/01/2026) – rejected");
        englishTasks.ShouldContain("Call with Per Olsen recorded by operator – no answer");
    }

    [Fact]
    public async Task A_norwegian_controller_decides_an_escalation_and_reads_a_reply_in_bokmål_and_is_told_what_happened_in_bokmål()
    {
        // Kari stays silent through the ladder: on its last step the case is handed to a person with the gate's advice.
        // Then she writes that the reminders reach the wrong person.
        var port = Browser.FreePort();
        await using var world = await LeversWorld.StartAsync("2026-01-06", new Dictionary<string, string?> { ["Receivables:Local:HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, workspace: true);
        await world.UploadAsync("C-300,Kari Nordmann,kari@example.no,consumer,,3001,2026-01-01,2026-01-05,NOK,12500.00,12500.00,30015");
        await world.RunUntilAsync("2026-04-30");
        await world.ReplyAsync("C-300", "kari@example.no", "Jeg jobber ikke lenger her. Send heller til min kollega Ola Hansen, ola.hansen@example.no.");
        await world.RunUntilAsync("2026-05-01");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var __ = playwright;
        await using var ___ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = $"http://127.0.0.1:{port}", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync("/");
        var titles = await page.Locator("li.task h2").AllInnerTextsAsync();
        titles.ShouldContain("Avgjør om Kari Nordmann skal til inkasso (anbefalt: inkasso)");
        var decision = Plain(await page.Locator("li.kind-decide-escalation ul.points").InnerTextAsync());
        decision.ShouldContain("Purrestigen har ingen flere automatiske steg for faktura 3001.");
        decision.ShouldContain("Anbefaling: inkasso. Begrunnelse:");
        decision.ShouldContain("Ikke svar på 3 purringer.");
        decision.ShouldContain("Ingenting betalt på 1 forfalt faktura (12 500,00 kr)");
        titles.ShouldContain("Kunden melder ny kontaktperson: SV: Påminnelse");
        titles.ShouldContain("Send inkassovarselet i posten til Kari Nordmann");
        var post = Plain((await page.Locator("li.kind-send-by-post ul.points").TextContentAsync())!);
        post.ShouldContain("Inkassovarselet ble sendt på e-post til kari@example.no, en adresse kunden aldri har skrevet fra");
        var today = (await page.Locator("main").TextContentAsync())!;
        foreach (var english in new[] { "Decide next step", "recommended:", "Recommendation:", "Reasons:", "no reply to", "reminder", "Contact change:", "Read reply", "Review reply", "The reply" })
        {
            today.ShouldNotContain(english);
        }

        (await Browser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ShotAsync(page, "today-escalation.nb");

        // An extension without a date is refused, in bokmål and without the command line's options.
        var task = page.Locator("li.kind-decide-escalation").First;
        await task.Locator("input[value=extend]").CheckAsync();
        await task.Locator("button[type=submit]").ClickAsync();
        (await page.Locator(".flash.bad").InnerTextAsync()).ShouldBe("En utsettelse trenger en ny frist: velg en dato.");

        // Give Kari two more weeks: the confirmation says so in bokmål, with the date as the reader writes it.
        task = page.Locator("li.kind-decide-escalation").First;
        await task.Locator("input[value=extend]").CheckAsync();
        await task.Locator("input[type=date]").FillAsync("2026-05-15");
        await task.Locator("textarea").FillAsync("Kunden ba om litt tid på telefon.");
        await task.Locator("button[type=submit]").ClickAsync();
        var flash = await page.Locator(".flash.ok").InnerTextAsync();
        flash.ShouldBe("Avgjør videre inndriving – Utsett: utsettelse gitt: purringene stanset til 15.05.2026.");
        await Browser.ShotAsync(page, "today-escalation-done.nb");

        // Kari's timeline tells the same story in bokmål: the hand-over with the gate's advice, and the decision.
        await page.GotoAsync("/Debtors/acme/C-300");
        await Browser.ShotAsync(page, "debtor-escalation.nb");
        var timeline = Plain(await page.Locator("ol.timeline").InnerTextAsync());
        timeline.ShouldContain("Videre inndriving avgjort: Utsett");
        timeline.ShouldContain("utsettelse gitt: purringene stanset til 15.05.2026");
        timeline.ShouldContain("Saken overlatt til en saksbehandler; anbefalt: inkasso");
        timeline.ShouldContain("Begrunnelse: Ikke svar på 3 purringer.");
        timeline.ShouldContain("Inkassovarsel til utskrift og sending i posten");
        timeline.ShouldContain("Kredittstopp innført");
        foreach (var english in new[] { "Escalation", "Ladder handed", "recommends", "Reasons:", "to print and post", "Credit hold" })
        {
            timeline.ShouldNotContain(english);
        }

        (await page.Locator("section[aria-labelledby=tasks-h]").InnerTextAsync()).ShouldContain("Avgjør om Kari Nordmann skal til inkasso (anbefalt: inkasso) – utsatt");
    }

    [Fact]
    public async Task Today_can_be_worked_with_the_keyboard_alone()
    {
        var (world, baseUrl) = await SeededAsync();
        await using var _ = world;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var __ = playwright;
        await using var ___ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl });
        await page.GotoAsync("/");

        // The first Tab reaches the skip link; following it puts focus on the content.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).ShouldBe("skip");
        await page.Keyboard.PressAsync("Enter");

        // Tab on to the first task's first outcome, choose it with Space, and submit with Enter.
        string? focused = null;
        for (var i = 0; i < 40 && focused != "radio"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement.type || document.activeElement.tagName");
        }

        focused.ShouldBe("radio");
        await page.Keyboard.PressAsync("Space");
        var outcome = await page.EvaluateAsync<string>("() => document.activeElement.value");
        var task = await page.EvaluateAsync<string>("() => document.activeElement.form.querySelector('input[name=task]').value");
        await page.EvaluateAsync("() => { const d = document.activeElement.form.querySelector('input[type=date]'); if (d) d.value = '2026-02-02'; }");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".flash.ok").WaitForAsync();
        var done = await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, task);
        done!.IsOpen.ShouldBeFalse();
        done.Outcome.ShouldBe(outcome);
    }

    [Fact]
    public async Task A_viewer_behind_App_Service_sees_the_work_but_cannot_act()
    {
        var (world, baseUrl) = await SeededAsync(new Dictionary<string, string?> { ["Receivables:Workspace:Authentication"] = "AppService" });
        await using var _ = world;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var __ = playwright;
        await using var ___ = browser;

        var viewer = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ExtraHTTPHeaders = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = Principal("vera@acme.example", "viewer") } });
        var page = await viewer.NewPageAsync();
        await page.GotoAsync("/");
        (await page.Locator("li.task").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("form[method=post]").CountAsync()).ShouldBe(0);
        (await page.Locator(".who").InnerTextAsync()).ShouldContain("vera@acme.example");
        var task = await OneAsync(world, TaskKinds.CallDebtor, "B-100");

        // Posting anyway is refused on the server, and nothing changes.
        var post = await viewer.APIRequest.PostAsync("/?handler=Complete", new() { Form = viewer.APIRequest.CreateFormData().Set("creditor", "acme").Set("task", task.TaskId).Set("outcome", "no-answer") });
        post.Status.ShouldBe(403);
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, task.TaskId))!.IsOpen.ShouldBeTrue();
        await page.GotoAsync("/Debtors/acme/B-100");
        (await page.Locator("form[method=post]").CountAsync()).ShouldBe(0);

        // Without the platform's principal nobody gets in.
        var anonymous = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        (await anonymous.APIRequest.GetAsync("/")).Status.ShouldBe(401);

        // A controller's principal may act.
        var controller = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ExtraHTTPHeaders = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = Principal("kari@acme.example", "controller") } });
        var controllerPage = await controller.NewPageAsync();
        await controllerPage.GotoAsync("/");
        var call = controllerPage.Locator("li.kind-call-debtor", new() { HasText = "Fjellbygg" });
        await call.Locator("input[value=no-answer]").CheckAsync();
        await call.Locator("button[type=submit]").ClickAsync();
        await controllerPage.Locator(".flash.ok").WaitForAsync();
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, task.TaskId))!.Outcome.ShouldBe("no-answer");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-100", task.CaseId!));
        entries.ShouldContain(e => e.Entry.Actor == "person:kari@acme.example" && e.Entry.Kind == EvidenceKinds.Decision);
    }

    [Fact]
    public async Task Controller_sets_never_automatic_holds_and_releases_an_invoice_and_adjusts_a_plan_while_a_viewer_is_refused()
    {
        var (world, baseUrl) = await SeededAsync(new Dictionary<string, string?> { ["Receivables:Workspace:Authentication"] = "AppService" });
        await using var _ = world;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var __ = playwright;
        await using var ___ = browser;
        var cases = world.Get<Receivables.Dunning.ICaseActions>();
        var violations = new List<string>();

        // A viewer posting the new actions anyway is refused on the server; nothing changes.
        var viewer = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ExtraHTTPHeaders = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = Principal("vera@acme.example", "viewer") } });
        var never = await viewer.APIRequest.PostAsync("/Debtors/acme/B-100?handler=NeverAutomatic", new() { Form = viewer.APIRequest.CreateFormData().Set("on", "true").Set("key", "viewer-1") });
        never.Status.ShouldBe(403);
        var release = await viewer.APIRequest.PostAsync("/Debtors/acme/B-100?handler=Release", new() { Form = viewer.APIRequest.CreateFormData().Set("invoice", "2001").Set("key", "viewer-2") });
        release.Status.ShouldBe(403);
        var adjust = await viewer.APIRequest.PostAsync("/Plans/acme/x?handler=Adjust", new() { Form = viewer.APIRequest.CreateFormData().Set("count", "6").Set("key", "viewer-3") });
        adjust.Status.ShouldBe(403);
        (await cases.GetAsync(TestSettings.Creditor, "B-100"))!.NeverAutomatic.ShouldBeFalse();

        var controller = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, ExtraHTTPHeaders = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = Principal("kari@acme.example", "controller") } });
        var page = await controller.NewPageAsync();

        // Hold the invoice, then release it: one button each, the case shows it at once.
        await page.GotoAsync("/Debtors/acme/B-100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold tilbake 2001" }).ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        (await cases.GetAsync(TestSettings.Creditor, "B-100"))!.HeldInvoices.ShouldBe(["2001"]);
        (await page.Locator("section[aria-labelledby=case-h]").InnerTextAsync()).ShouldContain("Holdt tilbake: 2001");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "debtor-held.nb");
        await page.GetByRole(AriaRole.Button, new() { Name = "Frigi 2001" }).ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        (await cases.GetAsync(TestSettings.Creditor, "B-100"))!.HeldInvoices.ShouldBeEmpty();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Hold tilbake 2001" }).CountAsync()).ShouldBe(1);

        // Never automatic: shown on the case as manual only, and undone by a person.
        await page.GetByRole(AriaRole.Button, new() { Name = "Merk: aldri automatisk" }).ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        var marked = (await cases.GetAsync(TestSettings.Creditor, "B-100"))!;
        marked.NeverAutomatic.ShouldBeTrue();
        var caseCard = await page.Locator("section[aria-labelledby=case-h]").InnerTextAsync();
        caseCard.ShouldContain("Aldri automatisk.");
        caseCard.ShouldContain("Ingen planlagte steg");
        (await page.Locator("section[aria-labelledby=case-h] .stage").InnerTextAsync()).ShouldBe("Manuell");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "debtor-never-automatic.nb");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        (await page.Locator("section[aria-labelledby=case-h]").InnerTextAsync()).ShouldContain("Manual only.");
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "debtor-never-automatic.en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo never-automatic" }).ClickAsync();
        await page.Locator(".flash.ok").WaitForAsync();
        (await cases.GetAsync(TestSettings.Creditor, "B-100"))!.NeverAutomatic.ShouldBeFalse();
        await page.GetByRole(AriaRole.Link, new() { Name = "Norsk" }).ClickAsync();

        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-100", marked.CaseId));
        entries.Where(e => e.Entry.Actor == "person:kari@acme.example").Select(e => e.Entry.Metadata.GetValueOrDefault("action")).ShouldBe(["pause", "release-invoice", "never-automatic", "automatic-again"]);

        // Adjust the drafted plan: outside the policy it is refused with the rule; within it the preview shows the new plan.
        RepaymentPlan? draft = null;
        await foreach (var plan in world.Get<PlanService>().ListAsync(TestSettings.Creditor))
        {
            draft = plan;
        }

        await page.GotoAsync($"/Plans/acme/{draft!.PlanId}");
        await page.Locator("#adj-installment").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Juster og forhåndsvis" }).ClickAsync();
        (await page.Locator(".flash.bad").InnerTextAsync()).ShouldContain("MinInstallment");
        await page.Locator("#adj-count").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Juster og forhåndsvis" }).ClickAsync();
        (await page.Locator(".flash.ok").InnerTextAsync()).ShouldContain("6 avdrag");
        (await page.Locator("section[aria-labelledby=sched-h] tbody tr").CountAsync()).ShouldBe(6);
        var adjusted = (await world.Get<PlanService>().FindAsync(TestSettings.Creditor, draft.PlanId))!;
        adjusted.Installments.Count.ShouldBe(6);
        (await FrameHtmlAsync(page)).ShouldContain(Receivables.Email.LetterFormat.Amount(adjusted.Installments[0].Amount, "NOK", "nb"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        violations.AddRange(await Browser.SeriousViolationsAsync(page));
        await Browser.ShotAsync(page, "plan-adjusted.nb");

        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    /// <summary>
    /// The HTML the page's letter frame shows. The frame is sandboxed without scripts (so Playwright cannot script
    /// inside it): its document is fetched with the page's cookies, and the frame is checked to point at it.
    /// </summary>
    private static async Task<string> FrameHtmlAsync(IPage page)
    {
        var frame = page.Locator("iframe.mail");
        (await frame.GetAttributeAsync("sandbox")).ShouldBe("");
        var response = await page.APIRequest.GetAsync((await frame.GetAttributeAsync("src"))!);
        response.Status.ShouldBe(200);
        response.Headers["content-security-policy"].ShouldStartWith("sandbox");
        return await response.TextAsync();
    }

    /// <summary>Text with the no-break and narrow no-break spaces of amounts as plain spaces.</summary>
    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static string Principal(string name, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "preferred_username",
        role_typ = "roles",
        claims = new[] { new { typ = "preferred_username", val = name }, new { typ = "roles", val = role } },
    })));

    private static async Task<WorkTask> OneAsync(LeversWorld world, string kind, string debtorId)
    {
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false, debtorId: debtorId))
        {
            if (task.Kind == kind)
            {
                return task;
            }
        }

        throw new InvalidOperationException("no task of kind " + kind);
    }
}
