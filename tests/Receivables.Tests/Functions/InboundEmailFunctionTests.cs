using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Receivables.Actions;
using Receivables.Functions.Hosting;
using Receivables.Functions.Triggers;
using Receivables.Storage;
using Receivables.Tests.Functions.Doubles;
using Receivables.Tests.Replies;

namespace Receivables.Tests.Functions;

/// <summary>
/// Inbound Parse posts that can never be read, through the Functions app's real path (the InboundEmail function and,
/// for what escapes it, the HTTP error middleware): a 400 with the reason, so SendGrid does not retry them for days,
/// and nothing stored.
/// </summary>
public sealed class InboundEmailFunctionTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Receivables:Replies:Secret"] = TestData.Secret };

    [Fact]
    public async Task A_raw_email_field_that_is_not_MIME_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        using var host = await FunctionsWorker.BuildAsync(Settings);
        var body = InboundPosts.Form([
            ("to", "reply+tok1@in.acme.example", "UTF-8"),
            ("from", "ola@debtor.example", "UTF-8"),
            ("subject", "Re: Påminnelse", "UTF-8"),
            ("email", "This is not a MIME message.\n\nJust some words, and no headers at all.", "UTF-8"),
            ("SPF", "pass", "UTF-8"),
        ]);

        var response = await PostAsync(host, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("'email'");
        response.Text.ShouldContain("not a MIME message");
        (await StoredAsync(host)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_multipart_body_cut_off_before_its_closing_boundary_is_a_400_not_an_unmatched_reply()
    {
        using var host = await FunctionsWorker.BuildAsync(Settings);
        var sample = InboundPosts.Sample("sendgrid-python_inbound_raw_data.txt");

        var response = await PostAsync(host, sample[..(sample.Length / 2)]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("cut off");
        response.Text.ShouldContain("--xYzZY--");
        (await StoredAsync(host)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task An_empty_body_is_a_400_not_an_unmatched_reply()
    {
        using var host = await FunctionsWorker.BuildAsync(Settings);

        var response = await PostAsync(host, []);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("empty");
        (await StoredAsync(host)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_well_formed_reply_from_an_unknown_sender_is_still_accepted_and_becomes_an_unmatched_reply_task()
    {
        using var host = await FunctionsWorker.BuildAsync(Settings);
        var body = InboundPosts.Reply("Stranger <nobody@elsewhere.example>", "regnskap@acme.example", "Hei", "Hvem er dere?");

        var response = await PostAsync(host, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var queue = host.Services.GetRequiredService<StorageClients>().Queue(StorageNames.Queues.ProcessReply);
        var message = (await queue.ReceiveMessageAsync()).Value.ShouldNotBeNull();
        using (var scope = host.Services.CreateScope())
        {
            await scope.Activate<ProcessReply>().Run(message, CancellationToken.None);
        }

        var tasks = new List<WorkTask>();
        await foreach (var task in host.Services.GetRequiredService<ITaskStore>().ListAsync())
        {
            tasks.Add(task);
        }

        tasks.ShouldHaveSingleItem().Kind.ShouldBe(TaskKinds.UnmatchedReply);
    }

    /// <summary>Runs the function; what escapes it is answered by the app's HTTP error middleware, as in Azure.</summary>
    private static async Task<TestHttpResponseData> PostAsync(IHost host, byte[] body)
    {
        using var scope = host.Services.CreateScope();
        var context = new TestFunctionContext(scope.ServiceProvider, nameof(InboundEmail));
        var request = new TestHttpRequestData(context, "POST", "http://localhost/api/inbound/" + TestData.Secret, body, InboundPosts.SampleContentType);
        try
        {
            return (TestHttpResponseData)await scope.Activate<InboundEmail>().Run(request, TestData.Secret, CancellationToken.None);
        }
        catch (Exception e)
        {
            return (TestHttpResponseData)await scope.Activate<HttpErrorMiddleware>().RespondAsync(request, e, nameof(InboundEmail), context.InvocationId);
        }
    }

    private static async Task<(int Rows, int Queued)> StoredAsync(IHost host)
    {
        var storage = host.Services.GetRequiredService<StorageClients>();
        var rows = 0;
        await foreach (var _ in storage.Table(StorageNames.Tables.Replies).QueryAsync<TableEntity>())
        {
            rows++;
        }

        var queued = (await storage.Queue(StorageNames.Queues.ProcessReply).PeekMessagesAsync(32)).Value.Length;
        return (rows, queued);
    }
}
