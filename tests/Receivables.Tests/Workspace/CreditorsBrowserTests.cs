using Microsoft.Playwright;
using Receivables.Common;
using Receivables.Creditors;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Workspace;

/// <summary>
/// The creditors page through a real browser: an accounting office adds a client company, sees every creditor's latest
/// daily cycle, changes a creditor and retires one, without a restart and without the command line.
/// </summary>
public sealed class CreditorsBrowserTests
{
    private const string Per = "C-200,Per Olsen,per@example.no,consumer,,2002,2026-01-01,2026-01-15,NOK,900.00,900.00,20021";

    [Fact]
    public async Task A_controller_adds_a_client_company_corrects_what_was_refused_changes_its_policy_and_retires_it()
    {
        var port = Browser.FreePort();
        await using var world = await LeversWorld.StartAsync("2026-01-20", new Dictionary<string, string?> { ["Receivables:Local:HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, workspace: true);
        await world.UploadAsync(Per);
        await world.RunUntilAsync("2026-01-20");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{port}", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        // The configured creditor, with the day's cycle in Norwegian.
        await page.GotoAsync("/Creditors");
        var acme = page.Locator("#creditor-acme");
        (await acme.InnerTextAsync()).ShouldContain("innstillingene");
        var cycle = await acme.Locator("td.cycle").InnerTextAsync();
        var latest = (await world.Get<Receivables.Dunning.ICycleProgressStore>().GetLatestAsync("acme")).ShouldNotBeNull();
        var run = (await world.Get<Receivables.Dunning.ICycleProgressStore>().GetAsync("acme", latest.Date, latest.Run)).ShouldNotBeNull();
        cycle.ShouldBe($"Kjøring 20.01.2026: {run.Done} av {run.Plan.Shards} deler ferdige, 0 feilet, {run.Queued} brev i kø – fullført");
        run.Done.ShouldBe(run.Plan.Shards);

        // A new client company with a digit missing from its organisation number and a short account number: refused by the server, nothing stored, what was typed kept.
        var add = page.Locator("form.creditor-form").Last;
        await add.Locator("#new-id").FillAsync("nordfisk");
        await add.Locator("#new-name").FillAsync("Nordfisk AS");
        await add.Locator("#new-org").FillAsync("91234567");
        await add.Locator("#new-email").FillAsync("regnskap@nordfisk.example");
        await add.Locator("#new-account").FillAsync("1234");
        await add.Locator("button[type=submit]").ClickAsync();
        var problems = await page.Locator("#form-problems").InnerTextAsync();
        problems.ShouldContain("Kreditoren ble ikke lagret");
        problems.ShouldContain("Organisasjonsnummer: «91234567» er ikke et norsk organisasjonsnummer (9 siffer).");
        problems.ShouldContain("Kontonummer: «1234» er ikke et norsk kontonummer (11 siffer).");
        (await page.Locator("#new-name").InputValueAsync()).ShouldBe("Nordfisk AS");
        (await world.Get<ICreditorDirectory>().ActiveAsync()).Keys.ShouldNotContain("nordfisk");
        await Browser.ShotAsync(page, "creditors-refused");

        // Corrected: added, listed as added here, known to the whole product at once.
        await page.Locator("#new-org").FillAsync("912345678");
        await page.Locator("#new-account").FillAsync("1234.56.78903");
        await page.Locator("form.creditor-form").Last.Locator("button[type=submit]").ClickAsync();
        (await page.Locator(".flash.ok").InnerTextAsync()).ShouldContain("Nordfisk AS (nordfisk) er lagt til");
        var nordfisk = page.Locator("#creditor-nordfisk");
        (await nordfisk.InnerTextAsync()).ShouldContain("lagt til her");
        (await nordfisk.Locator("td.cycle").InnerTextAsync()).ShouldBe("Ingen kjøring ennå");
        var found = (await world.Get<ICreditorDirectory>().FindAsync("nordfisk")).ShouldNotBeNull();
        (found.Profile.Email, found.Profile.BankAccount, found.Profile.OrgNumber).ShouldBe(("regnskap@nordfisk.example", "1234.56.78903", "912345678"));
        (await Browser.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ShotAsync(page, "creditors");

        // Its consumers get the business ladder; the phone it had none of stays empty.
        var edit = page.Locator("form.creditor-form", new() { Has = page.Locator("#nordfisk-name") });
        await page.Locator("tr.edit summary", new() { HasText = "Nordfisk AS" }).ClickAsync();
        await edit.Locator("#nordfisk-b2c").SelectOptionAsync("b2b");
        await edit.Locator("button[type=submit]").ClickAsync();
        (await page.Locator(".flash.ok").InnerTextAsync()).ShouldContain("Endringene for Nordfisk AS (nordfisk) er lagret");
        var registered = (await world.Get<CreditorRegistry>().ListAsync()).Single(c => c.Id == "nordfisk");
        (registered.ConsumerPolicy, registered.BusinessPolicy, registered.Profile.Phone).ShouldBe(("b2b", null, null));

        // Retired: out of the active creditors, still listed, with no forms.
        await page.Locator("tr.edit summary", new() { HasText = "Nordfisk AS" }).ClickAsync();
        await page.Locator("form.retire button", new() { HasText = "Nordfisk AS" }).ClickAsync();
        (await page.Locator(".flash.ok").InnerTextAsync()).ShouldContain("nordfisk er avsluttet");
        (await page.Locator("#creditor-nordfisk").InnerTextAsync()).ShouldContain("avsluttet");
        (await page.Locator("#nordfisk-name").CountAsync()).ShouldBe(0);
        (await world.Get<ICreditorDirectory>().ActiveAsync()).Keys.ShouldNotContain("nordfisk");
    }
}
