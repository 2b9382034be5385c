// Volume-licensed Office 2016 and 2019 always show add-ins in Internet Explorer 11 ("Trident"), and
// some older Office in Edge Legacy ("EdgeHTML"); the task pane needs a current webview and would stay
// blank there. Microsoft recommends a message instead: this one says what the clerk can do. ES5 on
// purpose (Trident runs nothing newer), loaded before the pane's own script.
(function () {
  var ua = window.navigator.userAgent;
  if (ua.indexOf('Trident/') === -1 && !/ Edge\/\d/.test(ua)) return;
  window.govcatLegacyWebview = true;
  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    root.innerHTML =
      '<div style="padding:12px;font-family:\'Microsoft YaHei\',sans-serif;font-size:14px;line-height:1.6">' +
      '<p style="font-weight:bold">此 Excel 用 Internet Explorer 11（或旧版 Edge）显示加载项，本加载项无法在其中运行。</p>' +
      '<p>可以这样继续：</p>' +
      '<ol style="padding-left:20px">' +
      '<li>在审核网页的“上传表格”中上传本工作簿：检查结果和提交与加载项相同。</li>' +
      '<li>零售版 Office 2016、2019：请信息技术人员为本机安装 Microsoft Edge WebView2 运行时，重新打开 Excel 即可使用加载项。</li>' +
      '<li>批量许可版 Office 2016、2019 总是使用 Internet Explorer 11：请改用 Office 2021、Microsoft 365 或 Excel 网页版。</li>' +
      '</ol></div>';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
