using Grants.Api.Hosting;

var app = await GrantsApp.Create(args);
await app.RunAsync();
