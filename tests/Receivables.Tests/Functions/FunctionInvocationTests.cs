using System.Net;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Functions.Hosting;
using Receivables.Functions.Triggers;
using Receivables.Ledger;
using Receivables.Storage;
using Receivables.Tests.Functions.Doubles;
using Receivables.Tests.Ledger;
using Receivables.Tests.Replies;

namespace Receivables.Tests.Functions;

/// <summary>
/// The real Functions app, without the Functions host: its service provider built as <c>Program.cs</c> builds it,
/// its function classes activated from it and invoked with the worker's own types.
/// </summary>
public sealed class FunctionInvocationTests
{
    [Fact]
    public async Task The_worker_service_provider_built_as_Program_does_activates_every_function_with_its_dependencies()
    {
        using var host = await FunctionsWorker.BuildAsync();
        host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.ShouldNotBeNull();

        foreach (var (name, function) in FunctionsAppOutput.Functions())
        {
            using var scope = host.Services.CreateScope();
            var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, FunctionsAppOutput.FunctionClass(function));
            instance.ShouldNotBeNull($"{name} could not be activated");
        }
    }

    [Fact]
    public async Task A_ledger_upload_message_given_to_the_LedgerUploaded_function_becomes_the_creditors_snapshot()
    {
        using var host = await FunctionsWorker.BuildAsync();
        var storage = host.Services.GetRequiredService<StorageClients>();
        var blob = storage.Container(StorageNames.Containers.Ledger).GetBlobClient("acme/2026-11-20.csv");
        var uploaded = await blob.UploadAsync(BinaryData.FromString(LedgerKit.Canonical(
            "K1,Kari Nordmann,kari@example.no,consumer,,F-1001,2026-10-01,2026-10-15,NOK,1250.00,1250.00,")));
        var properties = (await blob.GetPropertiesAsync()).Value;
        var body = System.Text.Json.JsonSerializer.Serialize(BlobCreatedEvent.For(
            blob.Uri, StorageNames.Containers.Ledger, blob.Name, uploaded.Value.ETag.ToString(), properties.ContentLength, properties.ContentType, DateTimeOffset.UtcNow));
        var message = QueuesModelFactory.QueueMessage("msg-1", "pop-1", BinaryData.FromString(body), dequeueCount: 1, insertedOn: DateTimeOffset.UtcNow);

        using var scope = host.Services.CreateScope();
        await scope.Activate<LedgerUploaded>().Run(message, CancellationToken.None);

        var outcome = await host.Services.GetRequiredService<ILedgerStore>().GetOutcomeAsync(blob.Name, uploaded.Value.ETag.ToString(), CancellationToken.None);
        outcome.ShouldNotBeNull("the message did not reach the ledger handler");
        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        outcome.SnapshotId.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_bank_file_message_given_to_the_PaymentsUploaded_function_is_imported()
    {
        using var host = await FunctionsWorker.BuildAsync();
        var storage = host.Services.GetRequiredService<StorageClients>();
        var blob = storage.Container(StorageNames.Containers.Payments).GetBlobClient("acme/ocr-2026-11-20.txt");
        var uploaded = await blob.UploadAsync(BinaryData.FromString(Receivables.Local.Bench.BankFileGenerator.Ocr([new Receivables.Local.Bench.GeneratedPayment(1250m, new DateOnly(2026, 11, 20), Kid: "10017")])));
        var properties = (await blob.GetPropertiesAsync()).Value;
        var body = System.Text.Json.JsonSerializer.Serialize(BlobCreatedEvent.For(
            blob.Uri, StorageNames.Containers.Payments, blob.Name, uploaded.Value.ETag.ToString(), properties.ContentLength, properties.ContentType, DateTimeOffset.UtcNow));
        var message = QueuesModelFactory.QueueMessage("msg-2", "pop-2", BinaryData.FromString(body), dequeueCount: 1, insertedOn: DateTimeOffset.UtcNow);

        using var scope = host.Services.CreateScope();
        await scope.Activate<Receivables.Functions.Triggers.PaymentsUploaded>().Run(message, CancellationToken.None);

        var outcome = await host.Services.GetRequiredService<Receivables.Payments.IPaymentStore>().GetOutcomeAsync(blob.Name, uploaded.Value.ETag.ToString(), CancellationToken.None);
        outcome.ShouldNotBeNull("the message did not reach the payments handler");
        outcome.Result.ShouldBe(Receivables.Payments.PaymentImportResult.Accepted, outcome.Message);
        outcome.Unmatched.ShouldBe(1, "there is no ledger yet, so the payment cannot be placed");
    }

    [Fact]
    public async Task A_reminder_message_with_an_empty_body_is_refused_naming_the_delivered_message_so_the_runtime_retries_it()
    {
        using var host = await FunctionsWorker.BuildAsync();
        var message = QueuesModelFactory.QueueMessage("msg-42", "pop-1", BinaryData.FromString("null"), dequeueCount: 3, insertedOn: DateTimeOffset.UtcNow);

        using var scope = host.Services.CreateScope();
        var error = await Should.ThrowAsync<ReceivablesException>(() => scope.Activate<SendReminder>().Run(message, CancellationToken.None));

        error.Message.ShouldContain("msg-42");
        error.Message.ShouldContain(StorageNames.Queues.SendReminder);
    }

    [Fact]
    public async Task An_inbound_reply_posted_to_the_InboundEmail_function_gets_the_webhooks_status_and_body()
    {
        using var host = await FunctionsWorker.BuildAsync(new Dictionary<string, string?> { ["Receivables:Replies:Secret"] = TestData.Secret });
        using var scope = host.Services.CreateScope();
        var function = scope.Activate<InboundEmail>();
        var context = new TestFunctionContext(scope.ServiceProvider, nameof(InboundEmail));
        var sample = InboundPosts.Sample("sendgrid-python_inbound_default_data.txt");

        var wrongSecret = (TestHttpResponseData)await function.Run(
            new TestHttpRequestData(context, "POST", "http://localhost/api/inbound/wrong", sample, InboundPosts.SampleContentType), "wrong", CancellationToken.None);
        var accepted = (TestHttpResponseData)await function.Run(
            new TestHttpRequestData(context, "POST", "http://localhost/api/inbound/" + TestData.Secret, sample, InboundPosts.SampleContentType), TestData.Secret, CancellationToken.None);

        wrongSecret.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongSecret.Text.ShouldBe("unauthorized");
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        accepted.Text.ShouldNotBeNullOrWhiteSpace("the webhook answers with the stored reply's id");
        var queued = await host.Services.GetRequiredService<StorageClients>().Queue(StorageNames.Queues.ProcessReply).PeekMessagesAsync(8);
        queued.Value.ShouldHaveSingleItem().Body.ToString().ShouldContain(accepted.Text);
    }

    [Fact]
    public async Task Email_events_without_a_configured_verification_key_are_answered_503_by_the_EmailEvents_function()
    {
        using var host = await FunctionsWorker.BuildAsync();
        using var scope = host.Services.CreateScope();
        var context = new TestFunctionContext(scope.ServiceProvider, nameof(EmailEvents));

        var response = (TestHttpResponseData)await scope.Activate<EmailEvents>().Run(
            TestHttpRequestData.Post(context, "http://localhost/api/email-events", "[]"), CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Text.ShouldBe("event webhook verification key not configured");
    }

    [Fact]
    public async Task Bad_input_escaping_an_HTTP_function_is_a_400_with_its_message()
    {
        var context = new TestFunctionContext(new ServiceCollection().BuildServiceProvider(), nameof(InboundEmail));
        var request = TestHttpRequestData.Post(context, "http://localhost/api/inbound/x", "{}");

        var response = (TestHttpResponseData)await new HttpErrorMiddleware(NullLogger<HttpErrorMiddleware>.Instance)
            .RespondAsync(request, new ReceivablesException("Line 3, field 'due_date': '31.02.2026' is not a date."), nameof(InboundEmail), context.InvocationId);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldBe("Line 3, field 'due_date': '31.02.2026' is not a date.");
    }

    [Fact]
    public async Task Any_other_failure_of_an_HTTP_function_is_a_500_that_shows_no_stack_trace_or_message()
    {
        var context = new TestFunctionContext(new ServiceCollection().BuildServiceProvider(), nameof(EmailEvents));
        var request = TestHttpRequestData.Post(context, "http://localhost/api/email-events", "[]");
        Exception failure;
        try
        {
            throw new InvalidOperationException("table secret-table: connection refused");
        }
        catch (InvalidOperationException e)
        {
            failure = e;
        }

        var response = (TestHttpResponseData)await new HttpErrorMiddleware(NullLogger<HttpErrorMiddleware>.Instance)
            .RespondAsync(request, failure, nameof(EmailEvents), context.InvocationId);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Text.ShouldBe("internal error; invocation " + context.InvocationId);
        response.Text.ShouldNotContain("secret-table");
        response.Text.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task A_queue_or_timer_failure_passes_through_the_middleware_untouched_so_the_runtime_retries()
    {
        var context = new TestFunctionContext(new ServiceCollection().BuildServiceProvider(), nameof(SendReminder));
        context.Features.Set<Microsoft.Azure.Functions.Worker.Http.IHttpRequestDataFeature>(new TestHttpRequestDataFeature(null));
        var middleware = new HttpErrorMiddleware(NullLogger<HttpErrorMiddleware>.Instance);

        var error = await Should.ThrowAsync<ReceivablesException>(() => middleware.Invoke(context, _ => throw new ReceivablesException("bad message")));

        error.Message.ShouldBe("bad message");
    }
}
