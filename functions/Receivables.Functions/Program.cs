using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Receivables.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddReceivablesFunctionsApp();
builder.Build().Run();
