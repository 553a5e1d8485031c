using System.Text.Json;
using System.Text.RegularExpressions;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Plans;
using Receivables.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Receivables.Tests.Plans;

/// <summary>
/// With Azure OpenAI configured, the real client rewrites the proposal's prose (against a local fake of the chat
/// completions API); the figures are checked after generation and a rewrite whose numbers differ is discarded.
/// </summary>
public sealed class PlanWordingTests : IDisposable
{
    private const string Deployment = "plan-wording";
    private readonly WireMockServer server = WireMockServer.Start();

    public void Dispose() => server.Stop();

    /// <summary>The model answers with <paramref name="rewrite"/> applied to the text it was sent.</summary>
    private void ModelRewrites(Func<string, string> rewrite) =>
        server.Given(Request.Create().WithPath($"/openai/deployments/{Deployment}/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                using var sent = JsonDocument.Parse(request.Body!);
                var prose = sent.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
                var body = JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-plan1",
                    @object = "chat.completion",
                    created = 1763888000,
                    model = "gpt-4o-2024-08-06",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = rewrite(prose), refusal = (string?)null }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 200, completion_tokens = 180, total_tokens = 380 },
                });
                return new ResponseMessage
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
                };
            }));

    private async Task<(LeversWorld World, RepaymentPlan Plan)> ApprovedAsync()
    {
        var settings = new Dictionary<string, string?>(PlanWorkflowTests.WeeklyPolicy)
        {
            ["Receivables:OpenAI:Endpoint"] = server.Url + "/",
            ["Receivables:OpenAI:Deployment"] = Deployment,
            ["Receivables:OpenAI:ApiKey"] = "test-key",
        };
        var world = await LeversWorld.StartAsync("2026-02-02", settings);
        await world.UploadAsync("B-200,Bergen Bygg AS,post@bergenbygg.example,business,912345678,F-100,2026-01-01,2026-01-15,NOK,9000.00,9000.00,12345678903");
        await world.RunUntilAsync("2026-02-02");
        var service = world.Get<PlanService>();
        var planId = await service.RequestAsync(new ArrangementRequest(TestSettings.Creditor, "B-200", null, ArrangementSource.Person, "asked on the phone", "test-plan-1"));
        var plan = await service.ApproveAsync(TestSettings.Creditor, planId, Actors.Person("kari.controller"));
        return (world, plan);
    }

    private static OutboundEmail Letter(LeversWorld world) =>
        world.Sender.Sends.Where(s => s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.PlanProposal).ShouldHaveSingleItem();

    [Fact]
    public async Task A_rewrite_that_keeps_every_figure_is_sent()
    {
        ModelRewrites(prose => "Så fint at dere tok kontakt, vi ordner dette sammen. " + prose);
        var (world, plan) = await ApprovedAsync();
        await using var _ = world;

        plan.LetterWording.ShouldBe("model");
        Letter(world).TextBody.ShouldContain("Så fint at dere tok kontakt");
        var request = server.LogEntries.ShouldHaveSingleItem().RequestMessage.ShouldNotBeNull();
        request.Body.ShouldNotBeNull().ShouldNotContain("Nr.  Forfall", customMessage: "the schedule table never goes to the model");
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("added")]
    [InlineData("dropped")]
    public async Task A_rewrite_whose_figures_differ_is_discarded_and_the_template_wording_is_sent(string how)
    {
        ModelRewrites(prose => how switch
        {
            // The number of installments changes: the kind of slip a model makes.
            "changed" => Regex.Replace(prose, @"betaler (\d+) avdrag", "betaler 99 avdrag"),
            "added" => prose + " Dere kan også betale 250,00 NOK ekstra hver uke.",
            _ => Regex.Replace(prose, @"Gi oss svar innen [^.]*\.", "Gi oss svar snart."),
        });
        var (world, plan) = await ApprovedAsync();
        await using var _ = world;

        plan.LetterWording.ShouldBe("template");
        var letter = Letter(world);
        letter.TextBody.ShouldNotContain("250,00 NOK ekstra");
        letter.TextBody.ShouldContain("Gi oss svar innen");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-200", plan.CaseId!), CancellationToken.None);
        entries.ShouldContain(e => e.Entry.Title == "Model wording discarded: numbers differ");
    }

    [Theory]
    [InlineData("Kravet er 12 500,00 NOK per 02.02.2026.", "Kravet er 12 500,00 NOK per 02.02.2026, og vi hjelper gjerne.", true)]
    [InlineData("Kravet er 12 500,00 NOK per 02.02.2026.", "Kravet på 12\u00A0500,00 NOK gjelder fra 02.02.2026.", true)]
    [InlineData("Kravet er 12 500,00 NOK per 02.02.2026.", "Kravet er 12 050,00 NOK per 02.02.2026.", false)]
    [InlineData("Første avdrag 1 000,00 NOK den 09.02.2026.", "Første avdrag 1 000,00 NOK den 10.02.2026.", false)]
    [InlineData("Bruk KID 12345678903.", "Bruk KID 12345678930.", false)]
    [InlineData("Du betaler 8 avdrag.", "Du betaler avdrag.", false)]
    public void The_number_check_compares_every_figure(string original, string rewrite, bool same) =>
        (NumberCheck.Differences(original, rewrite).Count == 0).ShouldBe(same);
}
