// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose other
// dependencies are ES modules that Jest on Node 20 cannot require. The add-in's tests get these.
exports.OfficeApp = { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' };
