using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Receivables.DebtorPage;
using Receivables.Functions.Hosting;

namespace Receivables.Functions.Triggers;

/// <summary>The debtor page's stylesheet (served by the app: no third-party assets).</summary>
public sealed class DebtorPageAsset(IDebtorPage page)
{
    [Function(nameof(DebtorPageAsset))]
    public Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "debtor-assets/{name}")] HttpRequestData request, string name) =>
        request.AssetAsync(page, name);
}
