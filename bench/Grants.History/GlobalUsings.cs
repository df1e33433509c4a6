// System.ApplicationId would otherwise shadow the domain's application number.
global using ApplicationId = Grants.Domain.ApplicationId;
