using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Receivables.Common;
using Receivables.Evidence;
using Receivables.Local.Hosting;
using Receivables.Replies;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Replies;

public sealed class InboundWebhookTests
{
    private static async Task<(LocalHost Host, ReplyWorld World)> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var world = new ReplyWorld();
        var settings = new Dictionary<string, string?>(TestData.Settings);
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        var host = await TestHost.StartHostAsync(settings, world.Register, TestHost.ClockAt("2026-11-23T08:30:00Z"));
        return (host, world);
    }

    private static async Task<int> StoredRepliesAsync(LocalHost host)
    {
        var storage = host.Get<StorageClients>();
        var rows = 0;
        await foreach (var _ in storage.Table(StorageNames.Tables.Replies).QueryAsync<TableEntity>(filter: "PartitionKey eq 'reply'"))
        {
            rows++;
        }

        var blobs = 0;
        await foreach (var _ in storage.Container(StorageNames.Containers.Inbound).GetBlobsAsync())
        {
            blobs++;
        }

        blobs.ShouldBe(rows, "every reply row has its raw payload");
        return rows;
    }

    private static async Task<int> QueuedAsync(LocalHost host) =>
        (await host.Get<StorageClients>().Queue(StorageNames.Queues.ProcessReply).PeekMessagesAsync(32)).Value.Length;

    [Fact]
    public async Task Default_mode_sample_with_the_route_secret_is_stored_and_queued_before_200()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;

        var response = await host.Get<IInboundEmailWebhook>().HandleAsync(InboundPosts.Request(InboundPosts.Sample("sendgrid-python_inbound_default_data.txt")));

        response.StatusCode.ShouldBe(200);
        (await StoredRepliesAsync(host)).ShouldBe(1);
        (await QueuedAsync(host)).ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task Unauthenticated_post_gets_401_and_nothing_is_stored(string? routeSecret)
    {
        var (host, _) = await StartAsync();
        await using var _ = host;

        var response = await host.Get<IInboundEmailWebhook>().HandleAsync(InboundPosts.Request(InboundPosts.Sample("sendgrid-python_inbound_default_data.txt"), routeSecret));

        response.StatusCode.ShouldBe(401);
        (await StoredRepliesAsync(host)).ShouldBe(0);
        (await QueuedAsync(host)).ShouldBe(0);
    }

    [Fact]
    public async Task Basic_auth_with_the_configured_user_is_accepted_and_a_wrong_password_is_not()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        var hook = host.Get<IInboundEmailWebhook>();
        var body = InboundPosts.Sample("sendgrid-python_inbound_raw_data.txt");
        static Dictionary<string, string> Basic(string userPass) => new() { ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass)) };

        (await hook.HandleAsync(InboundPosts.Request(body, null, headers: Basic("sendgrid:wrong")))).StatusCode.ShouldBe(401);
        (await hook.HandleAsync(InboundPosts.Request(body, null, headers: Basic("sendgrid:p4ss")))).StatusCode.ShouldBe(200);
        (await StoredRepliesAsync(host)).ShouldBe(1);
    }

    [Fact]
    public async Task Signed_post_is_accepted_only_with_a_valid_ecdsa_signature_over_timestamp_and_body()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (host, _) = await StartAsync(new() { ["Receivables:Replies:SignedWebhookPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) });
        await using var _ = host;
        var hook = host.Get<IInboundEmailWebhook>();
        var body = InboundPosts.Sample("sendgrid-python_inbound_default_data.txt");
        var timestamp = DateTimeOffset.Parse("2026-11-23T08:29:30Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Dictionary<string, string> Signed() => new() { ["X-Twilio-Email-Event-Webhook-Signature"] = signature, ["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp };

        var tampered = body.ToArray();
        tampered[^20] ^= 0x20;
        (await hook.HandleAsync(InboundPosts.Request(tampered, null, headers: Signed()))).StatusCode.ShouldBe(401);
        (await hook.HandleAsync(InboundPosts.Request(body, TestData.Secret))).StatusCode.ShouldBe(401, "with a key configured the route secret is not enough");
        (await StoredRepliesAsync(host)).ShouldBe(0);

        (await hook.HandleAsync(InboundPosts.Request(body, null, headers: Signed()))).StatusCode.ShouldBe(200);
        (await StoredRepliesAsync(host)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_over_the_size_cap_gets_413_and_nothing_is_stored()
    {
        var (host, _) = await StartAsync(new() { ["Receivables:Replies:MaxPostBytes"] = "1000" });
        await using var _ = host;

        var response = await host.Get<IInboundEmailWebhook>().HandleAsync(InboundPosts.Request(InboundPosts.Sample("sendgrid-python_inbound_raw_data_with_attachments.txt")));

        response.StatusCode.ShouldBe(413);
        (await StoredRepliesAsync(host)).ShouldBe(0);
    }

    [Fact]
    public async Task Retried_post_is_answered_200_and_processed_once()
    {
        var (host, world) = await StartAsync();
        await using var _ = host;
        world.Cases.Add("D100", "ola@debtor.example", "tok100");
        var body = InboundPosts.Reply("Ola Nordmann <ola@debtor.example>", "reply+tok100@in.acme.example", "Re: Påminnelse", "Hei, vi betaler innen fredag.\n\nMvh Ola");
        var hook = host.Get<IInboundEmailWebhook>();

        (await hook.HandleAsync(InboundPosts.Request(body))).StatusCode.ShouldBe(200);
        await InboundPosts.ProcessAllAsync(host);
        (await hook.HandleAsync(InboundPosts.Request(body))).StatusCode.ShouldBe(200);
        await InboundPosts.ProcessAllAsync(host);

        (await StoredRepliesAsync(host)).ShouldBe(1);
        world.Cases.Calls.Count(c => c.StartsWith("pause", StringComparison.Ordinal)).ShouldBe(1);
        world.Archive.OfKind(EvidenceKinds.InboundReply).Count.ShouldBe(1);
        world.Archive.OfKind(EvidenceKinds.Decision).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Raw_mode_reply_with_attachment_is_archived_whole_with_its_decision()
    {
        var (host, world) = await StartAsync();
        await using var _ = host;
        world.Cases.Add("D200", "test@example.com", "tok200");
        var body = InboundPosts.Sample("sendgrid-python_inbound_raw_data_with_attachments.txt");

        (await host.Get<IInboundEmailWebhook>().HandleAsync(InboundPosts.Request(body))).StatusCode.ShouldBe(200);
        await InboundPosts.ProcessAllAsync(host);

        var archived = world.Archive.OfKind(EvidenceKinds.InboundReply).ShouldHaveSingleItem();
        archived.Content.ToArray().ShouldBe(body);
        archived.Metadata!["attachments"].ShouldBe("1");
        var decision = Encoding.UTF8.GetString(world.Archive.OfKind(EvidenceKinds.Decision).ShouldHaveSingleItem().Content.Span);
        decision.ShouldContain("\"class\"");
        decision.ShouldContain("\"matchedBy\": \"sender-address\"");
    }

    [Fact]
    public void Samples_parse_in_both_modes_with_their_fields()
    {
        var defaults = InboundParser.ParseForm(InboundPosts.SampleContentType, InboundPosts.Sample("sendgrid-python_inbound_default_data.txt"));
        defaults.Subject.ShouldBe("Testing non-raw");
        defaults.Text!.Trim().ShouldBe("Hello Twilio SendGrid!");
        defaults.Spf.ShouldBe("pass");
        defaults.To.ShouldContain("inbound@inbound.example.com");

        var raw = InboundParser.ParseForm(InboundPosts.SampleContentType, InboundPosts.Sample("sendgrid-python_inbound_raw_data_with_attachments.txt"));
        raw.Subject.ShouldBe("Inbound Parse Test Raw Data with Attachment");
        raw.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("SendGrid.jpg");
        raw.Attachments[0].Content.Take(2).ShouldBe(new byte[] { 0xFF, 0xD8 }, "the JPEG is decoded from base64");

        var node = InboundParser.ParseForm(InboundPosts.SampleContentType, InboundPosts.Sample("sendgrid-nodejs_example-email-parse-payload.txt"));
        node.MessageId.ShouldBe("CAGsruKuAJk58E07TRMD28pA+mktpZ1mg2fjr6PAWj19e0jdnFg@mail.gmail.com");
        node.Subject.ShouldBe("Fwd: testing webhook parse");
        InboundParser.Address(node.From).ShouldBe("aroach@gmail.com");
    }

    [Fact]
    public void Windows_1252_fields_are_decoded_with_the_charsets_field()
    {
        var body = InboundPosts.Reply("Kari <kari@debtor.example>", "reply+t@in.acme.example", "Betaling før fredag", "Vi betaler kr 1 500 før fredag. Hilsen Kåre Ødegård", charset: "windows-1252");

        var parsed = InboundParser.ParseForm(InboundPosts.SampleContentType, body);

        parsed.Text.ShouldBe("Vi betaler kr 1 500 før fredag. Hilsen Kåre Ødegård");
        parsed.Subject.ShouldBe("Betaling før fredag");
    }
}
