using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;
using Receivables.Web.Actions;

namespace Receivables.Tests.Workspace;

/// <summary>What the workspace's actions do to a case and its evidence, through the library handlers.</summary>
public sealed class WorkspaceActionsTests
{
    private const string Kari = "C-100,Kari Nordmann,kari@example.no,consumer,,3001,2026-01-01,2026-01-15,NOK,1200.00,1200.00,30017";

    private static async Task<LeversWorld> WorldAsync()
    {
        var world = await LeversWorld.StartAsync("2026-01-20", new Dictionary<string, string?> { ["Receivables:Local:HttpPort"] = Browser.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) }, workspace: true);
        await world.UploadAsync(Kari);
        await world.RunUntilAsync("2026-01-20");
        return world;
    }

    private static async Task<IReadOnlyList<ArchivedEntry>> EvidenceAsync(LeversWorld world)
    {
        var reader = world.Get<IEvidenceReader>();
        var all = new List<ArchivedEntry>();
        foreach (var caseRef in await reader.ListCasesAsync(TestSettings.Creditor, "C-100"))
        {
            all.AddRange(await reader.ReadCaseAsync(caseRef));
        }

        return all;
    }

    [Fact]
    public async Task A_note_submitted_twice_is_archived_once_with_the_person_and_time()
    {
        await using var world = await WorldAsync();
        var actions = world.Get<WorkspaceActions>();

        await actions.NoteAsync(TestSettings.Creditor, "C-100", "Ringte, ingen svar.", "kari.k", "form-1", CancellationToken.None);
        await actions.NoteAsync(TestSettings.Creditor, "C-100", "Ringte, ingen svar.", "kari.k", "form-1", CancellationToken.None);

        var notes = (await EvidenceAsync(world)).Where(e => e.Entry.Title == "Note").ToList();
        notes.Count.ShouldBe(1);
        notes[0].Entry.Actor.ShouldBe("person:kari.k");
        notes[0].Entry.OccurredAt.ShouldBe(world.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Pause_hold_and_resume_move_the_case_once_per_submitted_form()
    {
        await using var world = await WorldAsync();
        var actions = world.Get<WorkspaceActions>();
        var cases = world.Get<ICaseActions>();

        await actions.PauseAsync(TestSettings.Creditor, "C-100", new DateOnly(2026, 2, 10), null, "kari.k", "form-2", CancellationToken.None);
        await actions.PauseAsync(TestSettings.Creditor, "C-100", new DateOnly(2026, 2, 10), null, "kari.k", "form-2", CancellationToken.None);
        var paused = await cases.GetAsync(TestSettings.Creditor, "C-100");
        paused!.Pause.ShouldBe(PauseReason.Manual);
        paused.PausedUntil.ShouldBe(new DateOnly(2026, 2, 10));

        await actions.ResumeAsync(TestSettings.Creditor, "C-100", null, "kari.k", "form-3", CancellationToken.None);
        (await cases.GetAsync(TestSettings.Creditor, "C-100"))!.Pause.ShouldBeNull();

        await actions.HoldInvoiceAsync(TestSettings.Creditor, "C-100", "3001", null, "kari.k", "form-4", CancellationToken.None);
        (await cases.GetAsync(TestSettings.Creditor, "C-100"))!.HeldInvoices.ShouldBe(["3001"]);

        var decisions = (await EvidenceAsync(world)).Where(e => e.Entry.Actor == "person:kari.k").ToList();
        decisions.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_pause_needs_a_date_after_today()
    {
        await using var world = await WorldAsync();
        var error = await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() =>
            world.Get<WorkspaceActions>().PauseAsync(TestSettings.Creditor, "C-100", new DateOnly(2026, 1, 20), null, "kari.k", "form-5", CancellationToken.None));
        error.Message.ShouldContain("after today");
    }

    [Fact]
    public async Task A_dispute_partly_upheld_in_the_workspace_credits_the_typed_amount_once_as_tasks_done_does()
    {
        await using var world = await WorldAsync();
        await world.ReplyAsync("C-100", "kari@example.no", "Jeg bestrider kravet. Halvparten av varene kom aldri fram.");
        await world.RunUntilAsync("2026-01-21");
        var dispute = await OpenTaskAsync(world, TaskKinds.ReviewDispute);
        var actions = world.Get<WorkspaceActions>();

        var (done, effect) = await actions.CompleteAsync(TestSettings.Creditor, dispute.TaskId, "partly", "Halve leveransen manglet", null, "600,00", "kari.k", CancellationToken.None);
        var again = await actions.CompleteTaskAsync(TestSettings.Creditor, dispute.TaskId, "partly", "Halve leveransen manglet", null, "600,00", "kari.k", CancellationToken.None);

        effect.ShouldContain("600.00 NOK to be credited");
        again.ShouldBe("already done");
        // The confirmation a Norwegian controller reads after the outcome: kind, outcome and what it did, all in bokmål.
        var said = Plain(InBokmål(() => new Receivables.Web.Text.EffectWords(new Receivables.Web.Text.Texts()).Done(done, "partly", effect)));
        said.ShouldStartWith("Avgjør innsigelse – Delvis medhold: 600,00 kr krediteres, 600,00 kr skal betales innen ");
        said.ShouldContain("fakturaene holdes tilbake til reskontroen viser kreditnotaen, oppgave om å føre kreditnotaen åpnet");
        said.ShouldNotContain("NOK");
        said.ShouldNotContain("credit");
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, dispute.TaskId))!.Outcome.ShouldBe("partly");
        var book = await OpenTaskAsync(world, TaskKinds.BookCreditNote);
        book.Facts.Amount.ShouldBe(600m);
        (await EvidenceAsync(world)).ShouldContain(e => e.Entry.Actor == "person:kari.k");
    }

    [Fact]
    public async Task An_outcome_the_task_kind_does_not_declare_is_refused_and_the_task_stays_open()
    {
        await using var world = await WorldAsync();
        await world.ReplyAsync("C-100", "kari@example.no", "Jeg bestrider kravet. Varene var ødelagt.");
        await world.RunUntilAsync("2026-01-21");
        var dispute = await OpenTaskAsync(world, TaskKinds.ReviewDispute);

        var error = await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() =>
            world.Get<WorkspaceActions>().CompleteTaskAsync(TestSettings.Creditor, dispute.TaskId, "promise", null, null, null, "kari.k", CancellationToken.None));

        error.Message.ShouldContain("upheld, rejected, partly");
        InBokmål(() => Receivables.Web.Text.ProblemWords.Say(error.Message)).ShouldBe("«Lovet betaling» er ikke et utfall for denne oppgaven.");
        var noReason = await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() =>
            world.Get<WorkspaceActions>().CompleteTaskAsync(TestSettings.Creditor, dispute.TaskId, "rejected", null, null, null, "kari.k", CancellationToken.None));
        InBokmål(() => Receivables.Web.Text.ProblemWords.Say(noReason.Message)).ShouldBe("Skriv begrunnelsen i notatet: kunden får den skriftlig.");
        InBokmål(() => Receivables.Web.Text.ProblemWords.Say("Something nobody words")).ShouldBe("Something nobody words");
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, dispute.TaskId))!.IsOpen.ShouldBeTrue();
        var today = await world.Get<WorkspaceQueries>().TodayAsync(1, CancellationToken.None);
        today.Items.Single(i => i.Task.TaskId == dispute.TaskId).Outcomes.ShouldBe(["upheld", "rejected", "partly"]);
    }

    [Fact]
    public async Task A_call_recorded_on_the_debtor_page_with_a_promise_pauses_the_case_once_per_submitted_form()
    {
        await using var world = await WorldAsync();
        var actions = world.Get<WorkspaceActions>();

        var effect = await actions.RecordCallAsync(TestSettings.Creditor, "C-100", "promise", "Kunden ringte selv", new DateOnly(2026, 1, 30), "1200", "kari.k", "form-9", CancellationToken.None);
        await actions.RecordCallAsync(TestSettings.Creditor, "C-100", "promise", "Kunden ringte selv", new DateOnly(2026, 1, 30), "1200", "kari.k", "form-9", CancellationToken.None);

        effect.ShouldContain("paused until");
        var said = Plain(InBokmål(() => new Receivables.Web.Text.EffectWords(new Receivables.Web.Text.Texts()).Call("promise", effect)));
        said.ShouldStartWith("Samtale registrert: Lovet betaling – purringene stanset til ");
        said.ShouldContain("(lovet betaling 30.01.2026 + ");
        var view = (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-100"))!;
        view.Pause.ShouldBe(PauseReason.PromiseToPay);
        var calls = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false, debtorId: "C-100"))
        {
            if (task.Kind == TaskKinds.CallDebtor && task.Title.Contains("recorded by kari.k", StringComparison.Ordinal))
            {
                calls.Add(task);
            }
        }

        calls.Count.ShouldBe(1);
        calls[0].Outcome.ShouldBe("promise");
        (await EvidenceAsync(world)).ShouldContain(e => e.Entry.Actor == "person:kari.k" && e.Entry.Title.Contains("promise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_with_an_outcome_calls_do_not_have_opens_no_task()
    {
        await using var world = await WorldAsync();

        var error = await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() =>
            world.Get<WorkspaceActions>().RecordCallAsync(TestSettings.Creditor, "C-100", "upheld", null, null, null, "kari.k", "form-10", CancellationToken.None));

        error.Message.ShouldContain("promise, dispute, plan, no-answer");
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false, debtorId: "C-100"))
        {
            task.Title.ShouldNotContain("recorded by");
        }
    }

    [Fact]
    public async Task A_creditor_added_to_the_registry_is_in_the_workspace_without_a_restart()
    {
        await using var world = await WorldAsync();
        var queries = world.Get<WorkspaceQueries>();
        (await queries.CreditorsAsync(CancellationToken.None)).ShouldNotContain(c => c.Id == "nordfisk");

        await world.Get<Receivables.Creditors.CreditorRegistry>().AddAsync("nordfisk", new Receivables.Creditors.CreditorChange(Name: "Nordfisk AS", Email: "regnskap@nordfisk.example", OrgNumber: "912345678", BankAccount: "12345678903"));

        (await queries.CreditorsAsync(CancellationToken.None)).ShouldContain(("nordfisk", "Nordfisk AS"));
        (await queries.CreditorAsync("nordfisk", CancellationToken.None))!.Name.ShouldBe("Nordfisk AS");
    }

    private static async Task<WorkTask> OpenTaskAsync(LeversWorld world, string kind)
    {
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: true))
        {
            if (task.Kind == kind)
            {
                return task;
            }
        }

        throw new InvalidOperationException("no open task of kind " + kind);
    }

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static T InBokmål<T>(Func<T> read)
    {
        var (culture, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("nb-NO");
            return read();
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
