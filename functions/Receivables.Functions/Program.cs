using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Receivables.Functions.Hosting;
using Receivables.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddReceivables(builder.Configuration);
builder.UseMiddleware<HttpErrorMiddleware>();
builder.Build().Run();
