// The services' own clients ship no types; the contract test that runs them declares the part it uses.
declare module '@adobe/aio-lib-ims'
declare module '@zohocrm/nodejs-sdk-8.0'
