// Stylesheets have no behaviour to test; importing one yields nothing.
export default {}
