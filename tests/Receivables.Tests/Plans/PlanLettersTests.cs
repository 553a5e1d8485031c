using System.Globalization;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;
using Receivables.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Receivables.Tests.Plans;

/// <summary>
/// What the debtor reads about a plan: one payment reference for the whole plan, cost lines that say exactly what is
/// included and waived, the agreement as a signable PDF, security before the plan is in force, and a missed-installment
/// notice that can be paid from.
/// </summary>
public sealed class PlanLettersTests
{
    private const string Debtor = "B-200";
    private const string DebtorEmail = "post@bergenbygg.example";
    private static readonly string KidA = Kid.WithMod10("2402100");
    private static readonly string KidB = Kid.WithMod10("2403300");

    private static string Owes(string type = "business", string org = "912345678", string open1 = "6000.00", string open2 = "6000.00") =>
        $"B-200,Bergen Bygg AS,{DebtorEmail},{type},{org},F-24021,2026-01-01,2026-01-15,NOK,6000.00,{open1},{KidA}\n" +
        $"B-200,Bergen Bygg AS,{DebtorEmail},{type},{org},F-24033,2026-01-05,2026-01-19,NOK,6000.00,{open2},{KidB}";

    private static async Task<(LeversWorld World, RepaymentPlan Plan)> ProposedAsync(IDictionary<string, string?>? extra = null, string type = "business", string org = "912345678", string draftOn = "2026-01-28")
    {
        var settings = new Dictionary<string, string?>(PlanWorkflowTests.WeeklyPolicy);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var world = await LeversWorld.StartAsync("2026-01-26", settings);
        await world.UploadAsync(Owes(type, org));
        await world.RunUntilAsync(draftOn);
        var service = world.Get<PlanService>();
        var planId = await service.RequestAsync(new ArrangementRequest(TestSettings.Creditor, Debtor, null, ArrangementSource.Person, "asked on the phone", "letters-" + draftOn));
        var plan = await service.ApproveAsync(TestSettings.Creditor, planId, Actors.Person("kari.controller"));
        return (world, plan);
    }

    private static List<OutboundEmail> Sent(LeversWorld world, string template) =>
        [.. world.Sender.Sends.Where(s => s.CustomArgs.GetValueOrDefault("template") == template)];

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task Every_installment_of_a_plan_is_paid_with_the_plan_s_own_KID_not_one_invoice_s_KID()
    {
        var (world, plan) = await ProposedAsync();
        await using var _ = world;

        plan.Kid.ShouldNotBeNull();
        PlanReference.PlanIdOf(plan.Kid).ShouldBe(plan.PlanId);
        var letter = Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem();
        letter.TextBody.ShouldContain("KID " + plan.Kid);
        letter.TextBody.ShouldNotContain(KidA, customMessage: "F-24021's KID would pay F-24021 only and leave F-24033 open");
        letter.TextBody.ShouldNotContain(KidB);
        letter.TextBody.ShouldContain("eldste fakturaen først");
    }

    [Fact]
    public async Task The_proposal_states_what_the_plan_includes_what_is_waived_by_policy_and_the_total()
    {
        var (world, plan) = await ProposedAsync(
            new Dictionary<string, string?> { ["Receivables:Plans:WaiveFeesIfKept"] = "true", ["Receivables:Plans:WaiveCompensation"] = "true" },
            draftOn: "2026-02-20");
        await using var _ = world;
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        string Kr(decimal amount) => amount.ToString("N2", nb) + " kr";

        plan.Fees.ShouldBeGreaterThan(0m, "the purring charged a fee before the plan");
        plan.CompensationWaived.ShouldBeGreaterThan(0m, "a business debtor owes § 3a compensation, which this policy waives");
        var costs = PlanCosts.Of(plan);
        costs.IncludedSum.ShouldBe(costs.Total);
        costs.Total.ShouldBe(plan.Installments.Sum(i => i.Amount));
        var text = Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem().TextBody;
        text.ShouldContain("Hovedstol: " + Kr(plan.Principal));
        text.ShouldContain("Til sammen å betale: " + Kr(plan.TotalToPay));
        var waived = text[text.IndexOf("Dette frafaller vi:", StringComparison.Ordinal)..];
        waived.ShouldContain("Gebyrer: " + Kr(plan.FeesWaivedIfKept) + ", så lenge avtalen holdes");
        waived.ShouldContain("Inndrivingskompensasjon: " + Kr(plan.CompensationWaived));
        waived.ShouldContain("Renter i avtaleperioden: vi beregner ingen renter");
        text[..text.IndexOf("Dette frafaller vi:", StringComparison.Ordinal)].ShouldNotContain("kompensasjon", Case.Insensitive, "what is waived is not listed as included");
    }

    [Fact]
    public async Task A_plan_without_compensation_never_mentions_compensation()
    {
        var (world, plan) = await ProposedAsync(type: "consumer", org: "", draftOn: "2026-02-20");
        await using var _ = world;

        plan.Compensation.ShouldBe(0m, "consumers owe no § 3a compensation");
        var letter = Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem();
        letter.TextBody.ShouldNotContain("kompensasjon", Case.Insensitive);
        PdfText(letter.Attachments.ShouldHaveSingleItem().Content).ShouldNotContain("kompensasjon", Case.Insensitive);
    }

    [Fact]
    public async Task The_agreement_is_a_PDF_contract_with_both_parties_org_numbers_the_schedule_default_clause_and_signature_lines()
    {
        var (world, plan) = await ProposedAsync(new Dictionary<string, string?> { ["Receivables:Plans:SecurityThreshold"] = "10000" });
        await using var _ = world;

        plan.RequiresSecurity.ShouldBeTrue();
        var attachment = Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem().Attachments.ShouldHaveSingleItem();
        attachment.ContentType.ShouldBe("application/pdf");
        attachment.FileName.ShouldBe($"nedbetalingsavtale-{plan.PlanId}.pdf");
        var text = PdfText(attachment.Content);
        text.ShouldContain("NEDBETALINGSAVTALE OG GJELDSBEKREFTELSE");
        text.ShouldContain("Acme Verktøy AS, org.nr. 999888777");
        text.ShouldContain("Bergen Bygg AS, org.nr. 912345678");
        text.ShouldNotContain("(B-200)", customMessage: "the debtor is identified by its organisation number, not our customer number");
        text.ShouldContain("erkjenner å skylde");
        text.ShouldContain("Hovedstol", customMessage: "the cost table is in Norwegian");
        text.ShouldContain("Til sammen å betale etter avtalen");
        text.ShouldNotContain("principal", Case.Insensitive);
        foreach (var installment in plan.Installments)
        {
            text.ShouldContain(installment.DueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        }

        text.ShouldContain("KID " + plan.Kid);
        text.ShouldContain("Mislighold");
        text.ShouldContain("hele restbeløpet forfaller");
        text.ShouldContain("Selvskyldnerkausjon");
        text.ShouldContain("Pant i");
        text.ShouldContain("Kausjonist");
        text.ShouldContain("Skyldner");
        text.ShouldContain("Underskrift");
    }

    [Fact]
    public async Task A_plan_without_security_has_no_guarantor_line_and_an_English_debtor_gets_an_English_agreement()
    {
        var (world, plan) = await ProposedAsync(new Dictionary<string, string?> { ["Receivables:Creditors:acme:Language"] = "en" });
        await using var _ = world;

        plan.RequiresSecurity.ShouldBeFalse();
        var attachment = Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem().Attachments.ShouldHaveSingleItem();
        attachment.FileName.ShouldStartWith("repayment-agreement-");
        var text = PdfText(attachment.Content);
        text.ShouldContain("REPAYMENT AGREEMENT AND DEBT CONFIRMATION");
        text.ShouldContain("acknowledges owing");
        text.ShouldNotContain("Guarantor");
        text.ShouldContain("Debtor");
    }

    [Fact]
    public async Task A_plan_that_needs_security_waits_for_a_person_to_confirm_it_before_it_is_in_force()
    {
        var (world, plan) = await ProposedAsync(new Dictionary<string, string?> { ["Receivables:Plans:SecurityThreshold"] = "10000" });
        await using var _ = world;

        await world.ReplyAsync(Debtor, DebtorEmail, "Hei,\n\nVi godtar avtalen.\n\nHilsen Bergen Bygg");
        var waiting = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        waiting.Status.ShouldBe(PlanStatus.AwaitingSecurity, "\"godtar\" alone does not put a plan that needs security in force");
        (await world.Get<IPlanFacts>().GetAsync(TestSettings.Creditor, Debtor)).HasPlanInForce.ShouldBeFalse();
        var task = (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, waiting.SecurityTaskId!)).ShouldNotBeNull();
        task.Kind.ShouldBe(TaskKinds.ConfirmSecurity);
        task.IsOpen.ShouldBeTrue();
        Sent(world, MessageTemplates.PlanAccepted).ShouldHaveSingleItem().TextBody.ShouldContain("gjelder avtalen fra vi har mottatt sikkerheten");

        // Weeks pass without the security: no reminder goes out, the plan is still waiting.
        var before = world.Sender.Sends.Count;
        await world.RunUntilAsync("2026-03-10");
        world.Sender.Sends.Skip(before).ShouldNotContain(s => s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.Reminder || s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.CollectionNotice);
        (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!.Status.ShouldBe(PlanStatus.AwaitingSecurity);

        await Should.ThrowAsync<Common.ReceivablesException>(() => world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome("waived", null, null, Actors.Person("per"))));
        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome("received", "kausjon fra daglig leder Ola Berg, signert 09.03.2026", null, Actors.Person("per")));

        var inForce = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        inForce.Status.ShouldBe(PlanStatus.InForce);
        inForce.SecurityOutcome.ShouldBe("received");
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, Debtor))!.Pause.ShouldBe(PauseReason.PlanInForce);
        var evidence = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, Debtor, plan.CaseId!), CancellationToken.None);
        evidence.ShouldContain(e => e.Entry.Title.Contains("received (kausjon fra daglig leder Ola Berg", StringComparison.Ordinal) && e.Entry.Actor == Actors.Person("per"));
        Sent(world, MessageTemplates.PlanAccepted).Count.ShouldBe(2, "the debtor is told when the plan applies");
    }

    [Fact]
    public async Task A_waived_security_is_recorded_with_its_reason()
    {
        var (world, plan) = await ProposedAsync(new Dictionary<string, string?> { ["Receivables:Plans:SecurityThreshold"] = "10000" });
        await using var _ = world;
        await world.ReplyAsync(Debtor, DebtorEmail, "Vi godtar avtalen.");

        var decided = await world.Get<PlanService>().DecideSecurityAsync(TestSettings.Creditor, plan.PlanId, "waived", "long-standing customer, first plan", Actors.Person("per"));

        decided.Status.ShouldBe(PlanStatus.InForce);
        var evidence = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, Debtor, plan.CaseId!), CancellationToken.None);
        evidence.ShouldContain(e => e.Entry.Title.Contains("waived by person:per: long-standing customer", StringComparison.Ordinal));
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, decided.SecurityTaskId!))!.Outcome.ShouldBe("waived");
    }

    [Fact]
    public async Task The_missed_installment_notice_states_the_amount_deadline_account_and_the_plan_s_KID()
    {
        var (world, plan) = await ProposedAsync();
        await using var _ = world;
        await world.ReplyAsync(Debtor, DebtorEmail, "Vi godtar avtalen.");
        plan = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        var first = plan.Installments[0];

        world.SetDay(first.DueDate.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync(Owes());

        var notice = Sent(world, MessageTemplates.PlanMissed).ShouldHaveSingleItem();
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        var payBy = NorwegianCalendar.OnOrNextBusinessDay(world.Today.AddDays(PlanLetters.MissedPayDays));
        notice.TextBody.ShouldContain($"Betal {first.Amount.ToString("N2", nb)} kr innen {payBy:dd.MM.yyyy} til konto 1234.56.78903 med KID {plan.Kid}");
        notice.TextBody.ShouldContain("står det da " + (plan.TotalToPay - first.Amount).ToString("N2", nb) + " kr igjen");
        notice.TextBody.ShouldNotContain("dager over forfall");
        notice.TextBody.ShouldNotContain("forfalt for");
    }
}
