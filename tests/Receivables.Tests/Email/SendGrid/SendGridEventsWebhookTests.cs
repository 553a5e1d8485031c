using System.Security.Cryptography;
using System.Text;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Email.SendGrid;

public sealed class SendGridEventsWebhookTests : IDisposable
{
    private static readonly EvidenceCaseRef Case = new(TestSettings.Creditor, "10001", "c1");
    private readonly ECDsa signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => signingKey.Dispose();

    [Fact]
    public async Task Signed_events_are_archived_as_delivery_evidence()
    {
        await using var host = await StartAsync();
        var body = Events(("delivered", "ev-1", null), ("open", "ev-2", null));

        var response = await host.Get<IEmailEventsWebhook>().HandleAsync(Signed(body));

        response.StatusCode.ShouldBe(200);
        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(Case);
        entries.Select(e => e.Entry.Kind).ShouldBe([EvidenceKinds.DeliveryEvent, EvidenceKinds.DeliveryEvent]);
        entries.Select(e => e.Entry.Metadata[EvidenceMetadata.Event]).ShouldBe(["delivered", "open"]);
        entries[0].Entry.Metadata[EvidenceMetadata.MessageId].ShouldBe("sg-msg-1.filter");
        entries[0].Entry.IdempotencyKey.ShouldBe("sg-event:ev-1");
        Encoding.UTF8.GetString(await host.Get<IEvidenceReader>().ReadItemAsync(entries[0].Entry.ItemPath)).ShouldContain("\"ev-1\"");
    }

    [Fact]
    public async Task Tampered_body_is_refused_and_nothing_is_archived()
    {
        await using var host = await StartAsync();
        var body = Events(("bounce", "ev-3", "bounce"));
        var request = Signed(body);
        var tampered = request with { Body = new MemoryStream(Encoding.UTF8.GetBytes(body.Replace("ola@kunde.example", "kari@kunde.example", StringComparison.Ordinal))) };

        var response = await host.Get<IEmailEventsWebhook>().HandleAsync(tampered);
        var unsigned = await host.Get<IEmailEventsWebhook>().HandleAsync(request with { Headers = new Dictionary<string, string>(), Body = new MemoryStream(Encoding.UTF8.GetBytes(body)) });

        response.StatusCode.ShouldBe(401);
        unsigned.StatusCode.ShouldBe(401);
        (await host.Get<IEvidenceReader>().ReadCaseAsync(Case)).ShouldBeEmpty();
        (await OpenTasksAsync(host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Bounce_opens_one_invalid_email_task_even_when_the_post_is_retried()
    {
        await using var host = await StartAsync();
        var body = Events(("bounce", "ev-4", "bounce"), ("bounce", "ev-5", "blocked"), ("dropped", "ev-6", null));
        var webhook = host.Get<IEmailEventsWebhook>();

        (await webhook.HandleAsync(Signed(body))).StatusCode.ShouldBe(200);
        (await webhook.HandleAsync(Signed(body))).StatusCode.ShouldBe(200);

        var task = (await OpenTasksAsync(host)).ShouldHaveSingleItem();
        task.Kind.ShouldBe(TaskKinds.InvalidEmail);
        task.Title.ShouldBe("No valid email for debtor 10001");
        task.DebtorId.ShouldBe("10001");
        (await host.Get<IEvidenceReader>().ReadCaseAsync(Case)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Events_of_messages_sent_with_the_earlier_camel_case_args_still_find_their_case()
    {
        await using var host = await StartAsync();
        var body = Events(("delivered", "ev-8", null))
            .Replace($"\"{EmailCustomArgs.Creditor}\"", "\"creditorId\"", StringComparison.Ordinal)
            .Replace($"\"{EmailCustomArgs.Debtor}\"", "\"debtorId\"", StringComparison.Ordinal)
            .Replace($"\"{EmailCustomArgs.Case}\"", "\"caseId\"", StringComparison.Ordinal);

        (await host.Get<IEmailEventsWebhook>().HandleAsync(Signed(body))).StatusCode.ShouldBe(200);

        (await host.Get<IEvidenceReader>().ReadCaseAsync(Case)).ShouldHaveSingleItem().Entry.IdempotencyKey.ShouldBe("sg-event:ev-8");
    }

    [Fact]
    public async Task Webhook_without_a_configured_key_refuses_with_503()
    {
        await using var host = await SendGridWorld.StartAsync();

        var response = await host.Get<IEmailEventsWebhook>().HandleAsync(Signed(Events(("delivered", "ev-7", null))));

        response.StatusCode.ShouldBe(503);
        (await host.Get<IEvidenceReader>().ReadCaseAsync(Case)).ShouldBeEmpty();
    }

    private Task<Local.Hosting.LocalHost> StartAsync() => SendGridWorld.StartAsync(extra: new Dictionary<string, string?>
    {
        ["Receivables:Email:SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String(signingKey.ExportSubjectPublicKeyInfo()),
    });

    private WebhookRequest Signed(string body)
    {
        const string timestamp = "1772434800";
        var signed = Encoding.UTF8.GetBytes(timestamp + body);
        var signature = signingKey.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new WebhookRequest("POST", "/api/email-events", null, new Dictionary<string, string>
        {
            ["x-twilio-email-event-webhook-signature"] = Convert.ToBase64String(signature),
            ["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp,
        }, "application/json", new MemoryStream(Encoding.UTF8.GetBytes(body)));
    }

    private static string Events(params (string Event, string Id, string? Type)[] events) =>
        "[" + string.Join(",", events.Select(e =>
            $$"""{"email":"ola@kunde.example","timestamp":1772434700,"event":"{{e.Event}}",{{(e.Type is null ? "" : $"\"type\":\"{e.Type}\",\"reason\":\"550 5.1.1 mailbox unavailable\",")}}"sg_event_id":"{{e.Id}}","sg_message_id":"sg-msg-1.filter","{{EmailCustomArgs.Creditor}}":"acme","{{EmailCustomArgs.Debtor}}":"10001","{{EmailCustomArgs.Case}}":"c1"}""")) + "]";

    private static async Task<List<WorkTask>> OpenTasksAsync(Local.Hosting.LocalHost host)
    {
        var list = new List<WorkTask>();
        await foreach (var task in host.Get<ITaskStore>().ListAsync(TestSettings.Creditor))
        {
            list.Add(task);
        }

        return list;
    }
}
