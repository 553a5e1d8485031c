using Receivables.Hosting;
using Receivables.Web;

// The workspace as an App Service app: the product's handlers and the pages, behind App Service Authentication.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddReceivables(builder.Configuration);
builder.Services.AddWorkspace();
var app = builder.Build();
app.UseWorkspace();
app.Run();
