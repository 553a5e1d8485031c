using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Receivables.CreditHold;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Receivables.Tests.CreditHold;

/// <summary>Credit hold: raised once at the configured stage, lifted once when current or on a plan; queue and signed webhook.</summary>
public sealed class CreditHoldTests
{
    private const string Kari = "C-300,Kari Nordmann,kari@example.no,consumer,,3001,2026-01-01,2026-01-05,NOK,12500.00,12500.00,30015";
    private const string Ola = "C-400,Ola Hansen,ola@example.no,consumer,,4001,2026-01-01,2026-01-05,NOK,800.00,800.00,40014";
    private const string Secret = "erp-shared-secret";

    private static async Task<List<CreditHoldMessage>> QueuedAsync(LeversWorld world)
    {
        var queue = world.Get<StorageClients>().Queue(StorageNames.Queues.CreditHold);
        var messages = await queue.PeekMessagesAsync(32);
        return [.. messages.Value.Select(m => JsonSerializer.Deserialize<CreditHoldMessage>(m.Body.ToString())!)];
    }

    [Fact]
    public async Task A_debtor_reaching_the_collection_notice_is_held_once_and_lifted_once_when_the_ledger_shows_nothing_overdue_with_signed_webhook_posts()
    {
        using var erp = WireMockServer.Start();
        erp.Given(Request.Create().WithPath("/hooks/credit-hold").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        await using var world = await LeversWorld.StartAsync("2026-01-06", new Dictionary<string, string?>
        {
            ["Receivables:CreditHold:WebhookUrl"] = erp.Url + "/hooks/credit-hold",
            ["Receivables:CreditHold:WebhookSecret"] = Secret,
        });
        await world.UploadAsync(Kari);

        await world.RunUntilAsync("2026-02-06");
        (await QueuedAsync(world)).ShouldBeEmpty("a reminder alone does not hold deliveries");
        await world.RunUntilAsync("2026-03-06");

        var hold = (await QueuedAsync(world)).ShouldHaveSingleItem();
        hold.Signal.ShouldBe("hold");
        hold.DebtorId.ShouldBe("C-300");
        hold.Stage.ShouldBe(CaseStages.CollectionNotice);
        hold.OverdueAmount.ShouldBe(12_500m);
        hold.Reason.ShouldContain("collection-notice");
        (await world.Get<CreditHolds>().GetAsync(TestSettings.Creditor, "C-300"))!.Held.ShouldBeTrue();

        world.SetDay("2026-03-09");
        await world.UploadAsync(Ola);
        await world.RunUntilAsync("2026-03-12");

        var signals = await QueuedAsync(world);
        signals.Select(s => s.Signal).ShouldBe(["hold", "lifted"]);
        signals[1].HoldId.ShouldBe(hold.HoldId);
        signals[1].Reason.ShouldBe("the ledger shows nothing overdue");
        (await world.Get<CreditHolds>().GetAsync(TestSettings.Creditor, "C-300"))!.Held.ShouldBeFalse();

        var posts = erp.LogEntries.Select(e => e.RequestMessage!).ToList();
        posts.Count.ShouldBe(2);
        foreach (var post in posts)
        {
            var body = post.BodyAsBytes!;
            post.Headers!["X-Receivables-Signature"].Single().ShouldBe(CreditHoldWebhook.Signature(Secret, body));
            JsonSerializer.Deserialize<CreditHoldMessage>(body)!.SignalId.ShouldBe(post.Headers["X-Receivables-Signal-Id"].Single());
        }

        JsonSerializer.Deserialize<CreditHoldMessage>(posts[1].BodyAsBytes!)!.Signal.ShouldBe("lifted");
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "C-300", found!.CaseId));
        entries.Select(e => e.Entry.Title).Where(t => t.StartsWith("Credit hold", StringComparison.Ordinal)).ShouldBe(["Credit hold raised", "Credit hold lifted"]);
    }

    [Fact]
    public async Task A_plan_in_force_lifts_the_hold_at_the_next_cycle_without_a_ledger_change()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-06", new Dictionary<string, string?> { ["Receivables:CreditHold:MinimumOverdue"] = "10000", ["Receivables:CreditHold:Stage"] = "" });
        await world.UploadAsync(Kari, Ola);
        await world.RunUntilAsync("2026-01-06");
        (await QueuedAsync(world)).ShouldHaveSingleItem().DebtorId.ShouldBe("C-300", "only the debtor owing at least 10 000 is held");

        await world.Get<ICaseActions>().PauseAsync(TestSettings.Creditor, "C-300", PauseReason.PlanInForce, null, null, Actors.Person("ola"), "plan agreed", "plan-1");
        await world.RunUntilAsync("2026-01-08");

        var signals = await QueuedAsync(world);
        signals.Select(s => s.Signal).ShouldBe(["hold", "lifted"]);
        signals[1].Reason.ShouldBe("a repayment plan is in force");
    }

    [Fact]
    public async Task A_refused_webhook_post_is_posted_again_later_and_the_queue_gets_the_signal_once()
    {
        using var erp = WireMockServer.Start();
        erp.Given(Request.Create().UsingPost()).AtPriority(1).InScenario("erp").WillSetStateTo("up").RespondWith(Response.Create().WithStatusCode(503));
        erp.Given(Request.Create().UsingPost()).AtPriority(1).InScenario("erp").WhenStateIs("up").RespondWith(Response.Create().WithStatusCode(200));
        await using var world = await LeversWorld.StartAsync("2026-01-06", new Dictionary<string, string?>
        {
            ["Receivables:CreditHold:MinimumOverdue"] = "10000",
            ["Receivables:CreditHold:WebhookUrl"] = erp.Url + "/hold",
        });
        await world.UploadAsync(Kari);

        await world.RunUntilAsync("2026-01-08");

        erp.LogEntries.Select(e => e.ResponseMessage!.StatusCode).ShouldBe([503, 200]);
        (await QueuedAsync(world)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_emitted_message_has_the_documented_shape()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-06", new Dictionary<string, string?> { ["Receivables:CreditHold:MinimumOverdue"] = "10000" });
        await world.UploadAsync(Kari);
        await world.RunUntilAsync("2026-01-06");
        var queue = world.Get<StorageClients>().Queue(StorageNames.Queues.CreditHold);
        var raw = (await queue.PeekMessagesAsync(1)).Value.Single().Body.ToString();
        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoFiles.Root, "docs", "credit-hold.schema.json")));
        using var message = JsonDocument.Parse(raw);

        SchemaSubset.Problems(schema.RootElement, message.RootElement).ShouldBeEmpty();
        SchemaSubset.Problems(schema.RootElement, JsonDocument.Parse(raw.Replace("\"hold\"", "\"maybe\"", StringComparison.Ordinal)).RootElement).ShouldNotBeEmpty("the check must notice a wrong signal");
    }
}

/// <summary>
/// Checks a JSON value against the JSON Schema keywords the credit-hold schema uses (type, required,
/// additionalProperties, properties, const, enum, minLength, minimum, pattern, format date/date-time).
/// </summary>
internal static class SchemaSubset
{
    public static List<string> Problems(JsonElement schema, JsonElement value, string path = "$")
    {
        var problems = new List<string>();
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => Is(t, value)))
            {
                problems.Add($"{path}: {value.ValueKind} is not {string.Join("|", types)}");
                return problems;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && value.ToString() != constant.ToString())
        {
            problems.Add($"{path}: must be {constant}");
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => o.ToString() == value.ToString()))
        {
            problems.Add($"{path}: '{value}' is not one of {options}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
            {
                problems.Add($"{path}: shorter than {min}");
            }

            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
            {
                problems.Add($"{path}: does not match {pattern}");
            }

            if (schema.TryGetProperty("format", out var format)
                && !(format.GetString() switch
                {
                    "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && Regex.IsMatch(text, "T.*(Z|[+-][0-9]{2}:[0-9]{2})$"),
                    _ => true,
                }))
            {
                problems.Add($"{path}: '{text}' is not a {format}");
            }
        }

        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
        {
            problems.Add($"{path}: below {minimum}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var required in schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!) : [])
            {
                if (!value.TryGetProperty(required, out _))
                {
                    problems.Add($"{path}.{required}: missing");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
                {
                    problems.AddRange(Problems(sub, property.Value, path + "." + property.Name));
                }
                else if (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
                {
                    problems.Add($"{path}.{property.Name}: not in the schema");
                }
            }
        }

        return problems;
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };
}
