using Microsoft.Extensions.DependencyInjection;
using Receivables.Ledger;
using Receivables.Payments;
using Receivables.Payments.Storage;

namespace Receivables.Hosting;

public static class PaymentsRegistration
{
    /// <summary>Registers the Payments feature (bank files in, payments applied to open items, reconciliation with the ledger).</summary>
    public static IServiceCollection AddPaymentsFeature(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>()
            .BindConfiguration(PaymentsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPaymentStore, AzurePaymentStore>();
        services.AddSingleton<PaymentImporter>();
        services.AddSingleton<IOpenItemAdjustments, PaymentAdjustments>();
        services.AddSingleton<PaymentReconciliation>();
        services.AddSingleton<ILedgerObserver>(sp => sp.GetRequiredService<PaymentReconciliation>());
        services.AddSingleton<PaymentsUploadedHandler>();
        return services;
    }
}
