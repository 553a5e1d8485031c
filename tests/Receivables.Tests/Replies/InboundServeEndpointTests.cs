using System.Net;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using Receivables.Actions;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Replies;

/// <summary>
/// The local host's inbound endpoint (<c>serve</c>'s Kestrel on 127.0.0.1, route <c>/api/inbound/{secret}</c>) posted
/// to over HTTP: a post that can never be read is a 400 with its reason and nothing is stored; a well-formed post from
/// an unknown sender is still taken in and becomes an unmatched-reply task.
/// </summary>
public sealed class InboundServeEndpointTests
{
    [Fact]
    public async Task Malformed_posts_to_the_local_endpoint_get_400_with_a_reason_and_nothing_is_stored()
    {
        var port = Workspace.Browser.FreePort();
        var settings = new Dictionary<string, string?>(TestData.Settings) { ["Receivables:Local:HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var host = await TestHost.StartHostAsync(settings, new ReplyWorld().Register, TestHost.ClockAt("2026-11-23T08:30:00Z"), workspace: true);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var sample = InboundPosts.Sample("sendgrid-python_inbound_default_data.txt");
        var notMime = InboundPosts.Form([("from", "ola@debtor.example", "UTF-8"), ("to", "reply+tok1@in.acme.example", "UTF-8"), ("email", "garbage \u0001\u0002 that is no message", "UTF-8")]);

        var rawNotMime = await PostAsync(http, notMime);
        var cutOff = await PostAsync(http, sample[..(sample.Length * 2 / 3)]);
        var empty = await PostAsync(http, []);

        rawNotMime.Status.ShouldBe(HttpStatusCode.BadRequest);
        rawNotMime.Body.ShouldContain("'email'");
        cutOff.Status.ShouldBe(HttpStatusCode.BadRequest);
        cutOff.Body.ShouldContain("cut off");
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Body.ShouldContain("empty");
        (await RowsAsync(host)).ShouldBe(0);
    }

    [Fact]
    public async Task A_well_formed_post_from_an_unknown_sender_to_the_local_endpoint_becomes_an_unmatched_reply_task()
    {
        var port = Workspace.Browser.FreePort();
        var settings = new Dictionary<string, string?>(TestData.Settings) { ["Receivables:Local:HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var host = await TestHost.StartHostAsync(settings, new ReplyWorld().Register, TestHost.ClockAt("2026-11-23T08:30:00Z"), workspace: true);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var accepted = await PostAsync(http, InboundPosts.Reply("Stranger <nobody@elsewhere.example>", "regnskap@acme.example", "Hei", "Hvem er dere?"));
        await InboundPosts.ProcessAllAsync(host);

        accepted.Status.ShouldBe(HttpStatusCode.OK);
        var tasks = new List<WorkTask>();
        await foreach (var task in host.Get<ITaskStore>().ListAsync(TestData.Creditor))
        {
            tasks.Add(task);
        }

        tasks.ShouldHaveSingleItem().Kind.ShouldBe(TaskKinds.UnmatchedReply);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(InboundPosts.SampleContentType);
        using var response = await http.PostAsync("api/inbound/" + TestData.Secret, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> RowsAsync(LocalHost host)
    {
        var rows = 0;
        await foreach (var _ in host.Get<StorageClients>().Table(StorageNames.Tables.Replies).QueryAsync<TableEntity>())
        {
            rows++;
        }

        return rows;
    }
}
