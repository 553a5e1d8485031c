using System.Text;
using System.Text.Json;
using MimeKit;
using Receivables.Email.SendGrid;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Receivables.Tests.Email.SendGrid;

public sealed class SendGridEmailSenderTests : IDisposable
{
    private const string MailSend = "/v3/mail/send";
    private readonly WireMockServer server = WireMockServer.Start();

    public void Dispose() => server.Stop();

    [Fact]
    public async Task Reminder_is_posted_as_v3_mail_send_json_with_a_stable_message_id()
    {
        Accept("sg-msg-1");
        await using var host = await SendGridWorld.StartAsync(server);
        var email = SendGridWorld.Reminder();

        var sent = await host.Get<SendGridEmailSender>().SendAsync(email);

        var entry = server.LogEntries.ShouldHaveSingleItem();
        entry.RequestMessage!.Headers!["Authorization"].ShouldHaveSingleItem().ShouldBe("Bearer " + SendGridWorld.ApiKey);
        var body = entry.RequestMessage!.Body!;
        sent.ProviderRequestJson.ShouldBe(body);
        var json = JsonDocument.Parse(body).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["personalizations", "from", "reply_to", "subject", "content", "attachments", "headers", "custom_args"]);
        var to = json.GetProperty("personalizations")[0].GetProperty("to")[0];
        to.GetProperty("email").GetString().ShouldBe("ola@kunde.example");
        to.GetProperty("name").GetString().ShouldBe("Ola Nordmann");
        json.GetProperty("from").GetProperty("email").GetString().ShouldBe("regnskap@acme.example");
        json.GetProperty("from").GetProperty("name").GetString().ShouldBe("Acme Verktøy AS");
        json.GetProperty("reply_to").GetProperty("email").GetString().ShouldBe("svar+c1@reply.acme.example");
        json.GetProperty("subject").GetString().ShouldBe("Påminnelse: faktura 1001");
        json.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()).ShouldBe(["text/plain", "text/html"]);
        json.GetProperty("content")[1].GetProperty("value").GetString().ShouldBe(email.HtmlBody);
        json.GetProperty("custom_args").GetProperty(Receivables.Email.EmailCustomArgs.Debtor).GetString().ShouldBe("10001");
        var attachment = json.GetProperty("attachments")[0];
        attachment.GetProperty("filename").GetString().ShouldBe("faktura-1001.pdf");
        Convert.FromBase64String(attachment.GetProperty("content").GetString()!).ShouldBe(email.Attachments[0].Content);

        var messageId = json.GetProperty("headers").GetProperty("Message-ID").GetString()!;
        messageId.ShouldBe(SendGridEmailSender.MessageIdFor(email));
        messageId.ShouldMatch("^<[0-9a-f]{32}@acme\\.example>$");
        SendGridEmailSender.MessageIdFor(email with { Subject = "changed" }).ShouldBe(messageId);
        SendGridEmailSender.MessageIdFor(email with { IdempotencyKey = "other" }).ShouldNotBe(messageId);

        sent.MessageId.ShouldBe("sg-msg-1");
        sent.Provider.ShouldBe("sendgrid");
        var mime = MimeMessage.Load(new MemoryStream(sent.RawMime));
        ("<" + mime.MessageId + ">").ShouldBe(messageId);
        mime.Subject.ShouldBe(email.Subject);
        mime.TextBody!.ShouldContain("faktura 1001");
        mime.Attachments.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Rate_limited_send_is_retried_once_and_succeeds()
    {
        var request = Request.Create().WithPath(MailSend).UsingPost();
        server.Given(request).InScenario("limit").WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithBody("""{"errors":[{"message":"too many requests"}]}"""));
        server.Given(request).InScenario("limit").WhenStateIs("limited")
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-after-429"));
        await using var host = await SendGridWorld.StartAsync(server);

        var sent = await host.Get<SendGridEmailSender>().SendAsync(SendGridWorld.Reminder());

        sent.MessageId.ShouldBe("sg-after-429");
        server.LogEntries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Service_unavailable_twice_is_retried_with_backoff_and_succeeds()
    {
        var request = Request.Create().WithPath(MailSend).UsingPost();
        server.Given(request).InScenario("down").WillSetStateTo("down-once")
            .RespondWith(Response.Create().WithStatusCode(503));
        server.Given(request).InScenario("down").WhenStateIs("down-once").WillSetStateTo("down-twice")
            .RespondWith(Response.Create().WithStatusCode(503));
        server.Given(request).InScenario("down").WhenStateIs("down-twice")
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-after-503"));
        await using var host = await SendGridWorld.StartAsync(server);

        var sent = await host.Get<SendGridEmailSender>().SendAsync(SendGridWorld.Reminder());

        sent.MessageId.ShouldBe("sg-after-503");
        server.LogEntries.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_send_that_keeps_failing_gives_up_after_the_configured_retries_and_the_error_says_how_many_tries()
    {
        server.Given(Request.Create().WithPath(MailSend).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(502).WithBody("bad gateway"));
        await using var host = await SendGridWorld.StartAsync(server, new Dictionary<string, string?> { ["Receivables:Email:SendGrid:MaxRetries"] = "2" });
        var sender = host.Get<SendGridEmailSender>();

        var error = await Should.ThrowAsync<SendGridRejectedException>(() => sender.SendAsync(SendGridWorld.Reminder()));

        server.LogEntries.Count.ShouldBe(3, "the first try and two retries");
        error.StatusCode.ShouldBe(502);
        error.Message.ShouldContain("after 3 tries");
        (await sender.FindSentAsync(SendGridWorld.Reminder().IdempotencyKey)).ShouldBeNull();
    }

    [Fact]
    public void Retry_After_from_SendGrid_is_honoured_in_seconds_or_as_a_date_and_capped()
    {
        var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var max = TimeSpan.FromSeconds(60);

        SendGridRetry.AskedDelay(new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), max, now).ShouldBe(TimeSpan.FromSeconds(7));
        SendGridRetry.AskedDelay(new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(30)), max, now).ShouldBe(TimeSpan.FromSeconds(30));
        SendGridRetry.AskedDelay(new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10)), max, now).ShouldBe(max);
        SendGridRetry.AskedDelay(new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(-5)), max, now).ShouldBe(TimeSpan.Zero);
        SendGridRetry.AskedDelay(null, max, now).ShouldBeNull("without the header the exponential backoff applies");
    }

    [Fact]
    public async Task Bad_request_is_not_retried_and_the_error_names_status_and_reason()
    {
        server.Given(Request.Create().WithPath(MailSend).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from"}]}"""));
        await using var host = await SendGridWorld.StartAsync(server);
        var sender = host.Get<SendGridEmailSender>();

        var error = await Should.ThrowAsync<SendGridRejectedException>(() => sender.SendAsync(SendGridWorld.Reminder()));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldContain("400");
        error.Message.ShouldContain("verified Sender Identity");
        server.LogEntries.Count.ShouldBe(1);
        (await sender.FindSentAsync(SendGridWorld.Reminder().IdempotencyKey)).ShouldBeNull();
    }

    [Fact]
    public async Task Accepted_message_is_found_again_and_not_sent_twice()
    {
        Accept("sg-msg-2");
        await using var host = await SendGridWorld.StartAsync(server);
        var sender = host.Get<SendGridEmailSender>();
        var email = SendGridWorld.Reminder("acme:10001:INV-1002:reminder");
        (await sender.FindSentAsync(email.IdempotencyKey)).ShouldBeNull();

        var sent = await sender.SendAsync(email);
        var found = await sender.FindSentAsync(email.IdempotencyKey);
        var again = await sender.SendAsync(email);

        found.ShouldNotBeNull();
        found.MessageId.ShouldBe("sg-msg-2");
        found.RawMime.ShouldBe(sent.RawMime);
        found.ProviderRequestJson.ShouldBe(sent.ProviderRequestJson);
        again.MessageId.ShouldBe("sg-msg-2");
        server.LogEntries.Count.ShouldBe(1);
        Encoding.UTF8.GetString(found.RawMime).ShouldContain(SendGridEmailSender.MessageIdFor(email));
    }

    [Fact]
    public async Task After_a_crash_between_SendGrids_acceptance_and_the_proof_the_activity_api_finds_the_message_and_it_is_not_sent_again()
    {
        Accept("sg-msg-3");
        server.Given(Request.Create().WithPath(Messages).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"messages":[{"from_email":"regnskap@acme.example","msg_id":"sg-msg-3.filterdrecv-1","subject":"Påminnelse: faktura 1001","to_email":"ola@kunde.example","status":"delivered","opens_count":0,"clicks_count":0,"last_event_time":"2026-12-02T10:00:00Z"}]}"""));
        await using var host = await SendGridWorld.StartAsync(server, Lookup);
        var sender = host.Get<SendGridEmailSender>();
        var email = SendGridWorld.Reminder("acme:10001:INV-1003:reminder");
        var first = await sender.SendAsync(email);
        await LoseProofAsync(host, email.IdempotencyKey);

        var again = await sender.SendAsync(email);

        server.LogEntries.Count(e => e.RequestMessage!.Path == MailSend).ShouldBe(1, "the email went out once");
        var lookup = server.LogEntries.Single(e => e.RequestMessage!.Path == Messages).RequestMessage!;
        lookup.Query!["query"].ShouldHaveSingleItem().ShouldBe("unique_args['receivables_key']=\"acme:10001:INV-1003:reminder\"");
        again.MessageId.ShouldBe("sg-msg-3.filterdrecv-1");
        again.RawMime.ShouldBe(first.RawMime, "the proof keeps the email as it was sent");
        (await sender.FindSentAsync(email.IdempotencyKey)).ShouldNotBeNull().MessageId.ShouldBe("sg-msg-3.filterdrecv-1");
        JsonDocument.Parse(first.ProviderRequestJson!).RootElement.GetProperty("custom_args").GetProperty("receivables_key").GetString().ShouldBe(email.IdempotencyKey);
    }

    [Fact]
    public async Task After_such_a_crash_a_message_the_activity_api_does_not_know_is_sent_again()
    {
        Accept("sg-msg-4");
        server.Given(Request.Create().WithPath(Messages).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"messages":[]}"""));
        await using var host = await SendGridWorld.StartAsync(server, Lookup);
        var sender = host.Get<SendGridEmailSender>();
        var email = SendGridWorld.Reminder("acme:10001:INV-1004:reminder");
        await sender.SendAsync(email);
        await LoseProofAsync(host, email.IdempotencyKey);

        await sender.SendAsync(email);

        server.LogEntries.Count(e => e.RequestMessage!.Path == MailSend).ShouldBe(2);
        server.LogEntries.Count(e => e.RequestMessage!.Path == Messages).ShouldBe(1);
    }

    [Fact]
    public async Task Without_the_activity_lookup_an_unfinished_try_is_sent_again_and_an_activity_error_never_sends()
    {
        Accept("sg-msg-5");
        await using (var host = await SendGridWorld.StartAsync(server))
        {
            var email = SendGridWorld.Reminder("acme:10001:INV-1005:reminder");
            await host.Get<SendGridEmailSender>().SendAsync(email);
            await LoseProofAsync(host, email.IdempotencyKey);

            await host.Get<SendGridEmailSender>().SendAsync(email);
        }

        server.LogEntries.Count(e => e.RequestMessage!.Path == MailSend).ShouldBe(2);
        server.LogEntries.ShouldNotContain(e => e.RequestMessage!.Path == Messages);

        // With the lookup on and the Activity API refusing (no add-on, a key without access), nothing is sent blind.
        server.Given(Request.Create().WithPath(Messages).UsingGet()).RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"errors":[{"message":"access forbidden"}]}"""));
        await using var strict = await SendGridWorld.StartAsync(server, Lookup);
        var other = SendGridWorld.Reminder("acme:10001:INV-1006:reminder");
        await strict.Get<SendGridEmailSender>().SendAsync(other);
        await LoseProofAsync(strict, other.IdempotencyKey);

        var refused = await Should.ThrowAsync<SendGridRejectedException>(() => strict.Get<SendGridEmailSender>().SendAsync(other));

        refused.Message.ShouldContain("Email Activity API answered HTTP 403");
        server.LogEntries.Count(e => e.RequestMessage!.Path == MailSend).ShouldBe(3, "the second message went out once, not again blind");
    }

    private const string Messages = "/v3/messages";

    private static readonly Dictionary<string, string?> Lookup = new()
    {
        ["Receivables:Email:SendGrid:ActivityLookup"] = "true",
        ["Receivables:Email:SendGrid:ActivitySettle"] = "00:00:00",
    };

    /// <summary>What a crash right after SendGrid's 202 leaves: the try is recorded, its proof is not.</summary>
    private static async Task LoseProofAsync(Receivables.Local.Hosting.LocalHost host, string key) =>
        await host.Get<Receivables.Storage.StorageClients>().Container(Receivables.Storage.StorageNames.Containers.Outbox).GetBlobClient(SendGridEmailSender.ProofPath(key)).DeleteAsync();

    private void Accept(string messageId) =>
        server.Given(Request.Create().WithPath(MailSend).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", messageId));
}
