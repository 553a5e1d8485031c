using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Levers;
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
}
