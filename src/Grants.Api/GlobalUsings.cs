// System.ApplicationId (a .NET Framework relic) collides with ours; in this server an application is a grant application.
global using ApplicationId = Grants.Domain.ApplicationId;
