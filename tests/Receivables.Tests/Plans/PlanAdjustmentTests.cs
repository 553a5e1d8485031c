using Receivables.Common;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Plans;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Plans;

/// <summary>A person adjusts a drafted plan within the plan policy before approving it; outside it nothing changes.</summary>
public sealed class PlanAdjustmentTests
{
    // A consumer owing 12 000, due 5 January: with the default policy (monthly, first payment in 14 days, at most 12
    // months, at least 500 per installment) a plan drafted on 20 January starts on 3 February.
    private const string Ola = "C-400,Ola Berg,ola@example.no,consumer,,4001,2025-12-01,2026-01-05,NOK,12000.00,12000.00,40013";

    private static async Task<(LeversWorld World, RepaymentPlan Draft)> DraftedAsync()
    {
        var world = await LeversWorld.StartAsync("2026-01-20", new Dictionary<string, string?> { ["Receivables:Plans:AutoSendBelow"] = "0" });
        await world.UploadAsync(Ola);
        await world.RunUntilAsync("2026-01-20");
        var service = world.Get<PlanService>();
        var planId = await service.RequestAsync(new ArrangementRequest(TestSettings.Creditor, "C-400", null, ArrangementSource.Person, "Kunden ba om avdrag", "request-1"));
        return (world, (await service.FindAsync(TestSettings.Creditor, planId))!);
    }

    private static async Task<List<ArchivedEntry>> AdjustmentsAsync(LeversWorld world, RepaymentPlan plan)
    {
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, plan.DebtorId, plan.CaseId!));
        return [.. entries.Where(e => e.Entry.Title.Contains("adjusted", StringComparison.Ordinal))];
    }

    [Theory]
    [InlineData(300, null, null, "below the plan policy's minimum of 500.00 NOK (Receivables:Plans:MinInstallment)")]
    [InlineData(null, 18, null, "run past the plan policy's longest plan of 12 months")]
    [InlineData(null, 30, null, "at most 24 installments")]
    [InlineData(null, null, "2026-03-01", "later than the plan policy allows: at most 14 days from today, by 2026-02-03 (Receivables:Plans:FirstPaymentDays)")]
    [InlineData(null, null, "2026-01-19", "is in the past")]
    public async Task An_adjustment_outside_the_policy_is_refused_with_the_rule_and_the_draft_is_unchanged(int? installment, int? count, string? first, string message)
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        var service = world.Get<PlanService>();
        var (letterBefore, _, _) = (await service.PreviewAsync(TestSettings.Creditor, draft.PlanId))!.Value;

        var error = await Should.ThrowAsync<ReceivablesException>(() => service.AdjustAsync(
            TestSettings.Creditor, draft.PlanId, new PlanAdjustment(installment, count, null, first is null ? null : DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture)), Actors.Person("kari"), "form-1"));

        error.Message.ShouldContain(message);
        var after = (await service.FindAsync(TestSettings.Creditor, draft.PlanId))!;
        after.Installments.ShouldBe(draft.Installments);
        (await service.PreviewAsync(TestSettings.Creditor, draft.PlanId))!.Value.Letter.Text.ShouldBe(letterBefore.Text);
        (await AdjustmentsAsync(world, draft)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_adjustment_within_the_policy_changes_the_preview_and_is_archived_once_with_the_terms_before_and_after()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        var service = world.Get<PlanService>();
        draft.Installments.Count.ShouldBeGreaterThan(6);
        var first = new DateOnly(2026, 1, 30);
        var each = Math.Ceiling(draft.TotalToPay / 6);

        var adjustment = new PlanAdjustment(Count: 6, Frequency: PlanFrequency.Monthly, FirstDueDate: first);
        await service.AdjustAsync(TestSettings.Creditor, draft.PlanId, adjustment, Actors.Person("kari"), "form-2");
        var adjusted = await service.AdjustAsync(TestSettings.Creditor, draft.PlanId, adjustment, Actors.Person("kari"), "form-2");

        adjusted.Status.ShouldBe(PlanStatus.Draft);
        adjusted.Installments.Count.ShouldBe(6);
        adjusted.Installments[0].DueDate.ShouldBe(first);
        adjusted.Installments[0].Amount.ShouldBe(each);
        adjusted.TotalToPay.ShouldBe(draft.TotalToPay);
        var (letter, agreement, _) = (await service.PreviewAsync(TestSettings.Creditor, draft.PlanId))!.Value;
        letter.Text.ShouldContain(LetterFormat.Date(first, "nb"));
        letter.Text.ShouldContain(LetterFormat.Amount(each, "NOK", "nb"));
        agreement.ShouldContain(LetterFormat.Date(adjusted.Installments[^1].DueDate, "nb"));

        var record = (await AdjustmentsAsync(world, draft)).ShouldHaveSingleItem();
        record.Entry.Actor.ShouldBe("person:kari");
        record.Entry.OccurredAt.ShouldBe(world.Clock.GetUtcNow());
        var content = System.Text.Encoding.UTF8.GetString(await world.Get<IEvidenceReader>().ReadItemAsync(record.Entry.ItemPath));
        content.ShouldContain("\"before\"");
        content.ShouldContain("\"after\"");
        content.ShouldContain($"\"count\": {draft.Installments.Count}");
        content.ShouldContain("\"count\": 6");
    }

    [Fact]
    public async Task An_approved_plan_cannot_be_adjusted()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        var service = world.Get<PlanService>();
        await service.ApproveAsync(TestSettings.Creditor, draft.PlanId, Actors.Person("kari"));

        var error = await Should.ThrowAsync<ReceivablesException>(() => service.AdjustAsync(TestSettings.Creditor, draft.PlanId, new PlanAdjustment(Count: 6), Actors.Person("kari"), "form-3"));

        error.Message.ShouldContain("only a draft can be adjusted");
    }
}
